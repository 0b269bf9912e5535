//! What the bridge asks Microsoft's identity platform for, and what a refusal means for the admin.
//! The bridge signs in with explicit delegated scopes: `.default` does no incremental consent, so
//! in a tenant that never consented a permission for the client it would yield a token without it
//! and every call needing it would fail (entra/identity-platform/scopes-oidc, "The .default
//! scope"). The roles and permissions named here are each Graph page's least privileged ones.

/// The delegated permissions every cmdlet needs between them.
pub const DELEGATED_SCOPES: &[&str] = &[
    "User.ReadWrite.All",
    "Directory.Read.All",
    "UserAuthenticationMethod.ReadWrite.All",
    "Policy.ReadWrite.AuthenticationMethod",
    "RoleManagement.ReadWrite.Directory",
    "LicenseAssignment.ReadWrite.All",
    "Group.ReadWrite.All",
    "Organization.ReadWrite.All",
    "Domain.ReadWrite.All",
    "Application.ReadWrite.All",
    "Policy.ReadWrite.Authorization",
    // Enabling, disabling and deleting devices: Graph offers delegated callers no narrower
    // permission (graph/api/device-update, device-delete).
    "Directory.AccessAsUser.All",
    "OnPremDirectorySynchronization.ReadWrite.All",
    "Policy.ReadWrite.DeviceConfiguration",
    "AdministrativeUnit.ReadWrite.All",
    "GroupSettings.ReadWrite.All",
    "Domain-InternalFederation.ReadWrite.All",
];

/// The scope parameter for a delegated sign-in against the Graph endpoint `graph`.
pub fn delegated_scope(graph: &str) -> String {
    DELEGATED_SCOPES
        .iter()
        .map(|s| format!("{graph}/{s}"))
        .chain(std::iter::once("offline_access".to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How an administrator grants the scopes for a client once, for the whole tenant.
pub fn how_to_consent(client_id: &str) -> String {
    format!(
        "A Global Administrator (or Privileged Role Administrator) grants them once for the tenant: run Connect-MgGraph -ClientId {client_id} -Scopes {} and tick \"Consent on behalf of your organization\", or grant admin consent for the application in the Entra admin center (Enterprise applications).",
        DELEGATED_SCOPES.join(",")
    )
}

/// What a refused Graph request (`METHOD /path`) needs: the roles and the permission, in words.
pub fn needed_for(request: &str) -> Option<&'static str> {
    let (method, path) = request.split_once(' ')?;
    let path = path.split('?').next().unwrap_or(path);
    // Without a version segment (`v1.0` or `beta`), with key syntax split out: `users('x')` is
    // `users`, `x`.
    let mut segments = Vec::new();
    for segment in path
        .split('/')
        .filter(|s| !s.is_empty() && *s != "v1.0" && *s != "beta")
    {
        match segment.split_once('(') {
            Some((name, key)) if !name.is_empty() => segments.extend([name, key]),
            _ => segments.push(segment),
        }
    }
    let write = method != "GET";
    Some(match (write, segments.as_slice()) {
        (true, ["users", _, "authentication", "requirements"]) => {
            "Changing per-user MFA state needs the Authentication Policy Administrator role (or Global Administrator) and the Policy.ReadWrite.AuthenticationMethod permission."
        }
        (false, ["users", _, "authentication", "requirements"]) => {
            "Reading per-user MFA state needs the Global Reader or Authentication Policy Administrator role (or Global Administrator) and the Policy.Read.All or Policy.ReadWrite.AuthenticationMethod permission."
        }
        (true, ["users", _, "authentication", ..]) => {
            "Changing another user's authentication methods needs the Authentication Administrator role (for users who hold no administrator role) or Privileged Authentication Administrator (for anyone), and the UserAuthenticationMethod.ReadWrite.All permission."
        }
        (false, ["users", _, "authentication", ..]) => {
            "Reading another user's authentication methods needs the Authentication Administrator, Privileged Authentication Administrator or Global Reader role and the UserAuthenticationMethod.Read.All permission."
        }
        (true, ["users", _, "assignLicense"]) => {
            "Assigning licences needs the License Administrator or User Administrator role and the LicenseAssignment.ReadWrite.All permission."
        }
        (true, ["directoryRoles", ..]) => {
            "Changing role members needs the Privileged Role Administrator role and the RoleManagement.ReadWrite.Directory permission."
        }
        (true, ["groups", _, "settings"]) => {
            "Making a group's directory setting needs the Groups Administrator or Directory Writers role and the Directory.ReadWrite.All permission (Graph offers no narrower one for it)."
        }
        (_, ["groupSettings" | "groupSettingTemplates", ..] | ["groups", _, "settings", ..]) => {
            "Directory settings need the Groups Administrator, Directory Writers or User Administrator role (Directory Readers or Global Reader to read them) and the GroupSettings.ReadWrite.All permission (GroupSettings.Read.All to read)."
        }
        (true, ["groups", ..]) => {
            "Creating, changing and deleting groups and their members needs the Groups Administrator, User Administrator or Directory Writers role and the Group.ReadWrite.All permission."
        }
        (true, ["organization", ..]) => {
            "Changing the organization (turning directory synchronization on or off, its notification contacts) needs the Hybrid Identity Administrator role (or Global Administrator) and the Organization.ReadWrite.All permission."
        }
        (true, ["policies", "authorizationPolicy"]) => {
            "Changing company settings (Set-MsolCompanySettings) needs the Privileged Role Administrator role and the Policy.ReadWrite.Authorization permission."
        }
        (true, ["servicePrincipals" | "applications", ..]) => {
            "Creating, changing and removing service principals, their applications and their credentials needs the Cloud Application Administrator or Application Administrator role (or Global Administrator) and the Application.ReadWrite.All permission."
        }
        (_, ["domains", _, "federationConfiguration", ..]) => {
            "Federation settings need the Domain Name Administrator, Hybrid Identity Administrator, External Identity Provider Administrator or Security Administrator role (Security Reader or Global Reader to read them) and the Domain-InternalFederation.ReadWrite.All permission (Domain-InternalFederation.Read.All to read)."
        }
        (true, ["domains", ..]) => {
            "Adding, verifying, changing or removing a domain, its password policy included, needs the Domain Name Administrator role (or Global Administrator) and the Domain.ReadWrite.All permission."
        }
        (true, ["directory", "administrativeUnits", _, "scopedRoleMembers", ..]) => {
            "Giving or taking roles over an administrative unit needs the Privileged Role Administrator role (or Global Administrator) and the RoleManagement.ReadWrite.Directory permission."
        }
        (true, ["directory", "administrativeUnits", ..]) => {
            "Creating, changing and deleting administrative units and their members needs the Privileged Role Administrator role (or Global Administrator) and the AdministrativeUnit.ReadWrite.All permission."
        }
        (_, ["directory", "onPremisesSynchronization", ..]) => {
            "Reading or changing directory synchronization's features and deletion threshold needs a Global Administrator signed in as a user (Graph offers applications no permission for it) and the OnPremDirectorySynchronization.ReadWrite.All permission (OnPremDirectorySynchronization.Read.All to read)."
        }
        (_, ["policies", "deviceRegistrationPolicy"]) => {
            "Changing the device registration policy needs the Cloud Device Administrator role (or Global Administrator) and the Policy.ReadWrite.DeviceConfiguration permission (Policy.Read.DeviceConfiguration to read it)."
        }
        (true, ["devices", ..]) => {
            "Enabling, disabling and removing devices needs the Cloud Device Administrator or Intune Administrator role (or Global Administrator) and, signed in as a user, the Directory.AccessAsUser.All permission (for an application, Device.ReadWrite.All; an application can enable or disable only Windows devices)."
        }
        (true, ["users", ..] | ["directory", "deletedItems", ..]) => {
            "Creating, changing, deleting and restoring users needs the User Administrator role and the User.ReadWrite.All permission."
        }
        (false, ["domains", _, "verificationDnsRecords" | "domainNameReferences"]) => {
            "Reading a domain's verification records or the objects that use it needs the Domain Name Administrator or Global Reader role and the Domain.Read.All (or Domain.ReadWrite.All) permission."
        }
        (false, ["contacts", ..]) => {
            "Reading contacts needs the Directory Readers, Global Reader, Directory Writers, Intune Administrator or User Administrator role and the Directory.Read.All (or OrgContact.Read.All) permission."
        }
        (false, _) => "Reading the directory needs the Directory.Read.All permission.",
        (true, _) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_the_role_and_permission_of_their_request() {
        let cases = [
            ("PATCH /beta/users/a@b.com/authentication/requirements", "Authentication Policy Administrator"),
            ("GET /beta/users/x/authentication/requirements", "Global Reader"),
            ("POST /v1.0/users/x/authentication/phoneMethods", "Privileged Authentication Administrator"),
            ("DELETE /v1.0/users('a%40b.com')/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7", "UserAuthenticationMethod.ReadWrite.All"),
            ("POST /v1.0/users/x/assignLicense", "License Administrator"),
            ("POST /v1.0/directoryRoles(roleTemplateId='t')/members/$ref", "Privileged Role Administrator"),
            ("PATCH /v1.0/users/x", "User Administrator"),
            ("POST /v1.0/directory/deletedItems/x/restore", "User Administrator"),
            ("GET /v1.0/users?$top=999", "Directory.Read.All"),
            ("PATCH /v1.0/organization/7d3f6c1e-4b7a-4a51-9d2e-2f0c6a1b9e10", "Hybrid Identity Administrator"),
            ("PATCH /v1.0/domains/contoso.com", "Domain Name Administrator"),
            ("PATCH /v1.0/servicePrincipals/7d3f6c1e-4b7a-4a51-9d2e-2f0c6a1b9e10", "Cloud Application Administrator"),
            ("GET /v1.0/contacts?$top=999", "Directory Readers"),
            ("POST /v1.0/applications", "Application.ReadWrite.All"),
            ("PUT /v1.0/policies/deviceRegistrationPolicy", "Cloud Device Administrator"),
            ("POST /v1.0/directory/administrativeUnits/x/members/$ref", "AdministrativeUnit.ReadWrite.All"),
            ("PATCH /v1.0/groupSettings/x", "GroupSettings.ReadWrite.All"),
            ("POST /v1.0/domains/contoso.com/federationConfiguration", "Domain-InternalFederation.ReadWrite.All"),
            ("GET /v1.0/groupSettingTemplates", "Directory Readers"),
            ("POST /v1.0/groups/x/settings", "Directory.ReadWrite.All"),
            ("DELETE /v1.0/directory/administrativeUnits/x/scopedRoleMembers/y", "RoleManagement.ReadWrite.Directory"),
            ("GET /v1.0/domains/contoso.com/verificationDnsRecords", "Domain.Read.All"),
            ("PATCH /v1.0/policies/authorizationPolicy", "Privileged Role Administrator"),
            ("POST /v1.0/domains/contoso.com/verify", "Domain Name Administrator"),
            ("PATCH /v1.0/devices/7d3f6c1e-4b7a-4a51-9d2e-2f0c6a1b9e10", "Cloud Device Administrator"),
            ("GET /v1.0/directory/onPremisesSynchronization", "Global Administrator signed in as a user"),
            ("PATCH /v1.0/directory/onPremisesSynchronization/7d3f6c1e-4b7a-4a51-9d2e-2f0c6a1b9e10", "OnPremDirectorySynchronization.ReadWrite.All"),
            ("DELETE /v1.0/devices/7d3f6c1e-4b7a-4a51-9d2e-2f0c6a1b9e10", "Directory.AccessAsUser.All"),
        ];
        for (request, named) in cases {
            let needed = needed_for(request).unwrap_or_default();
            assert!(needed.contains(named), "{request}: {needed}");
        }
        assert!(delegated_scope("https://graph.microsoft.com")
            .starts_with("https://graph.microsoft.com/User.ReadWrite.All "));
        assert!(delegated_scope("https://graph.microsoft.com").ends_with(" offline_access"));
    }
}
