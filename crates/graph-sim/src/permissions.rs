//! Graph's permission model, as each API page's "Permissions" section documents it: a request needs
//! one of its listed permissions, in the token's `scp` (delegated) or `roles` (application); a
//! delegated caller acting on another user also needs one of the directory roles the page lists
//! ("In delegated scenarios with work or school accounts, the signed-in user must be assigned a
//! supported Microsoft Entra role"). Global Administrator holds every role's permissions. Refusals
//! are `403 Authorization_RequestDenied` (graph/errors). Where a page was not read, the rule says
//! UNCONFIRMED.

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::role_templates::{
    AUTHENTICATION_ADMINISTRATOR, AUTHENTICATION_POLICY_ADMINISTRATOR, GLOBAL_ADMINISTRATOR,
    PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
};
use crate::state::SimTenant;

const USER_ADMINISTRATOR: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const LICENSE_ADMINISTRATOR: &str = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
const PRIVILEGED_ROLE_ADMINISTRATOR: &str = "e8611ab8-c189-46e8-94e1-60213ab1f814";
const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const GROUPS_ADMINISTRATOR: &str = "fdd7a751-b60b-444a-984c-02652fe8fa1c";
const DIRECTORY_WRITERS: &str = "9360feb5-f418-4baa-8175-e2a00bac4301";
const HYBRID_IDENTITY_ADMINISTRATOR: &str = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";
const DOMAIN_NAME_ADMINISTRATOR: &str = "8329153b-31d0-4727-b945-745eb3bc5f31";
const APPLICATION_ADMINISTRATOR: &str = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";
const CLOUD_APPLICATION_ADMINISTRATOR: &str = "158c047a-c907-4556-b7ef-446551a6b5f7";
const DIRECTORY_READERS: &str = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";
const INTUNE_ADMINISTRATOR: &str = "3a2c62db-5318-420d-8d74-23affee5d9d5";
const CLOUD_DEVICE_ADMINISTRATOR: &str = "7698a772-787b-4ac8-901f-60d6b08affd2";
const WINDOWS_365_ADMINISTRATOR: &str = "11451d60-acb2-45eb-a7d6-43d0f0125c13";
const JOINED_DEVICE_LOCAL_ADMINISTRATOR: &str = "9f06204d-73c1-4d4c-880a-6edb90606fd8";
const EXTERNAL_IDENTITY_PROVIDER_ADMINISTRATOR: &str = "be2f45a1-457d-42af-a067-6ec1fa63bc45";
const SECURITY_ADMINISTRATOR: &str = "194ae4cb-b126-40b2-bd5b-6091b380977d";
const SECURITY_READER: &str = "5d6b6bb7-de71-4623-b4af-96380a352509";

/// What one request needs.
pub struct Rule {
    /// Any one of these, delegated or application (least privileged first).
    pub permissions: &'static [&'static str],
    /// Where the page lists other permissions for applications than for delegated callers: the
    /// application ones (`permissions` then holds the delegated ones).
    pub application_permissions: Option<&'static [&'static str]>,
    /// On the caller's own account, a delegated caller may use these instead (the `/me` rows).
    pub self_permissions: &'static [&'static str],
    /// A delegated caller acting on others needs one of these roles; none listed: any member user.
    pub roles: &'static [&'static str],
    /// An Authentication Administrator may act on non-administrators only
    /// (entra/identity/role-based-access-control/privileged-roles-permissions, "Who can perform
    /// sensitive actions"; which roles count as administrators there is UNCONFIRMED: any role).
    pub non_admin_targets_only_for_authentication_administrators: bool,
}

const fn rule(permissions: &'static [&'static str], roles: &'static [&'static str]) -> Rule {
    Rule {
        permissions,
        application_permissions: None,
        self_permissions: &[],
        roles,
        non_admin_targets_only_for_authentication_administrators: false,
    }
}

// graph/api/user-list, user-get.
const READ_USERS: Rule = Rule {
    self_permissions: &["User.Read", "User.ReadWrite"],
    ..rule(
        &[
            "User.ReadBasic.All",
            "User.Read.All",
            "User.ReadWrite.All",
            "Directory.Read.All",
            "Directory.ReadWrite.All",
        ],
        &[],
    )
};
// graph/api/user-post-users, user-update, user-delete: User Administrator is the least privileged role.
const WRITE_USERS: Rule = Rule {
    self_permissions: &["User.ReadWrite"],
    ..rule(
        &["User.ReadWrite.All", "Directory.ReadWrite.All"],
        &[USER_ADMINISTRATOR],
    )
};
// graph/api/user-revokesigninsessions.
const REVOKE_SESSIONS: Rule = rule(
    &[
        "User.RevokeSessions.All",
        "User.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[USER_ADMINISTRATOR, HELPDESK_ADMINISTRATOR],
);
// graph/api/user-assignlicense: License Administrator is the least privileged role.
const ASSIGN_LICENSES: Rule = rule(
    &[
        "LicenseAssignment.ReadWrite.All",
        "User.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[LICENSE_ADMINISTRATOR, USER_ADMINISTRATOR],
);
// graph/api/user-list-transitivememberof: another user's memberships, least User.Read.All; the
// signed-in user's own, User.Read.
const READ_MEMBERSHIPS: Rule = Rule {
    self_permissions: &["User.Read"],
    ..rule(
        &[
            "User.Read.All",
            "GroupMember.Read.All",
            "Directory.Read.All",
            "User.ReadWrite.All",
            "Directory.ReadWrite.All",
        ],
        &[],
    )
};
// graph/api/authentication-list-methods and the method pages (reference/graph.md 2.5).
const READ_METHODS: Rule = Rule {
    self_permissions: &[
        "UserAuthenticationMethod.Read",
        "UserAuthenticationMethod.ReadWrite",
    ],
    ..rule(
        &[
            "UserAuthenticationMethod.Read.All",
            "UserAuthMethod-Phone.Read.All",
            "UserAuthenticationMethod.ReadWrite.All",
            "UserAuthMethod-Phone.ReadWrite.All",
        ],
        &[
            AUTHENTICATION_ADMINISTRATOR,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            GLOBAL_READER,
        ],
    )
};
// authentication-post-phonemethods, phoneauthenticationmethod-update/-delete and the other
// method deletions: Authentication Administrator (non-administrators) or Privileged
// Authentication Administrator.
const WRITE_METHODS: Rule = Rule {
    self_permissions: &["UserAuthenticationMethod.ReadWrite"],
    non_admin_targets_only_for_authentication_administrators: true,
    ..rule(
        &[
            "UserAuthenticationMethod.ReadWrite.All",
            "UserAuthMethod-Phone.ReadWrite.All",
        ],
        &[
            AUTHENTICATION_ADMINISTRATOR,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
        ],
    )
};
// beta authentication-get/update (requirements): reference/graph.md section 1.
const READ_REQUIREMENTS: Rule = rule(
    &["Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"],
    &[GLOBAL_READER, AUTHENTICATION_POLICY_ADMINISTRATOR],
);
const WRITE_REQUIREMENTS: Rule = rule(
    &["Policy.ReadWrite.AuthenticationMethod"],
    &[AUTHENTICATION_POLICY_ADMINISTRATOR],
);
// graph/api/authenticationmethodconfiguration-get: Policy.Read.All would do for reading; Global
// Reader or Authentication Policy Administrator delegated.
const READ_METHOD_POLICY: Rule = rule(
    &["Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"],
    &[GLOBAL_READER, AUTHENTICATION_POLICY_ADMINISTRATOR],
);
// graph/api/organization-get.
const READ_ORGANIZATION: Rule = rule(
    &[
        "User.Read",
        "Organization.Read.All",
        "Directory.Read.All",
        "Organization.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/organization-update: Organization.ReadWrite.All, delegated or application.
// onPremisesSyncEnabled is documented with a Hybrid Identity Administrator
// (office365/enterprise/turn-off-directory-synchronization); which roles the page lets change
// the notification lists is UNCONFIRMED (its role list was not read whole), so the same rule.
const WRITE_ORGANIZATION: Rule = rule(
    &["Organization.ReadWrite.All"],
    &[HYBRID_IDENTITY_ADMINISTRATOR],
);
// graph/api/domain-list, domain-get.
const READ_DOMAINS: Rule = rule(
    &[
        "Domain.Read.All",
        "Directory.Read.All",
        "Domain.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/authorizationpolicy-get: Policy.Read.All (Policy.ReadWrite.Authorization); the page
// names no role, so any member user may read it (UNCONFIRMED).
const READ_AUTHORIZATION_POLICY: Rule =
    rule(&["Policy.Read.All", "Policy.ReadWrite.Authorization"], &[]);
// graph/api/authorizationpolicy-update: Policy.ReadWrite.Authorization; "the user needs to have
// the Privileged Role Administrator Microsoft Entra role".
const WRITE_AUTHORIZATION_POLICY: Rule = rule(
    &["Policy.ReadWrite.Authorization"],
    &[PRIVILEGED_ROLE_ADMINISTRATOR],
);
// graph/api/domain-list-verificationdnsrecords, domain-list-domainnamereferences: Domain.Read.All
// (Domain.ReadWrite.All); Domain Name Administrator or Global Reader.
const READ_VERIFICATION_RECORDS: Rule = rule(
    &["Domain.Read.All", "Domain.ReadWrite.All"],
    &[DOMAIN_NAME_ADMINISTRATOR, GLOBAL_READER],
);
// graph/api/domain-update, domain-post-domains, domain-verify, domain-delete: Domain.ReadWrite.All,
// delegated or application; Domain Name Administrator is the least privileged role
// (entra/identity/role-based-access-control/delegate-by-task, "Custom domain names").
const WRITE_DOMAINS: Rule = rule(&["Domain.ReadWrite.All"], &[DOMAIN_NAME_ADMINISTRATOR]);
// graph/api/subscribedsku-list.
const READ_SKUS: Rule = rule(
    &[
        "LicenseAssignment.Read.All",
        "Organization.Read.All",
        "Directory.Read.All",
        "LicenseAssignment.ReadWrite.All",
        "Organization.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/serviceprincipal-list, serviceprincipal-get.
const READ_SERVICE_PRINCIPALS: Rule = rule(
    &[
        "Application.Read.All",
        "Directory.Read.All",
        "Application.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/serviceprincipal-update: Application.ReadWrite.All (Directory.ReadWrite.All too);
// Cloud Application Administrator and Application Administrator manage enterprise applications
// (entra/identity/role-based-access-control/delegate-by-task, "Enterprise applications").
const WRITE_SERVICE_PRINCIPALS: Rule = rule(
    &["Application.ReadWrite.All", "Directory.ReadWrite.All"],
    &[CLOUD_APPLICATION_ADMINISTRATOR, APPLICATION_ADMINISTRATOR],
);
// graph/api/application-post-applications: Application.ReadWrite.All (applications may also hold
// Application.ReadWrite.OwnedBy); the same administrator roles as for service principals
// (Application Developer, which may also create applications, is not modelled).
const CREATE_APPLICATIONS: Rule = rule(
    &[
        "Application.ReadWrite.All",
        "Application.ReadWrite.OwnedBy",
        "Directory.ReadWrite.All",
    ],
    &[CLOUD_APPLICATION_ADMINISTRATOR, APPLICATION_ADMINISTRATOR],
);
// graph/api/orgcontact-list, orgcontact-get: delegated callers need one of the roles listed.
const READ_CONTACTS: Rule = rule(
    &[
        "OrgContact.Read.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    ],
    &[
        DIRECTORY_READERS,
        GLOBAL_READER,
        DIRECTORY_WRITERS,
        INTUNE_ADMINISTRATOR,
        USER_ADMINISTRATOR,
    ],
);
// graph/api/directory-list-subscriptions, companysubscription-get (Organization.ReadWrite.All
// for applications).
const READ_SUBSCRIPTIONS: Rule = rule(
    &[
        "Organization.Read.All",
        "Directory.Read.All",
        "Organization.ReadWrite.All",
    ],
    &[],
);
// graph/api/directory-deleteditems-list, -get.
const READ_DELETED: Rule = rule(
    &[
        "User.Read.All",
        "User.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/directory-deleteditems-restore, -delete (for users).
const RESTORE_DELETED: Rule = rule(
    &[
        "User.DeleteRestore.All",
        "User.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[USER_ADMINISTRATOR],
);
// graph/api/directoryrole-list, directoryroletemplate-list, directoryrole-list-members.
const READ_ROLES: Rule = rule(
    &[
        "RoleManagement.Read.Directory",
        "Directory.Read.All",
        "RoleManagement.ReadWrite.Directory",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/directoryrole-post-directoryroles, -post-members, -delete-member.
const WRITE_ROLES: Rule = rule(
    &["RoleManagement.ReadWrite.Directory"],
    &[PRIVILEGED_ROLE_ADMINISTRATOR],
);
// graph/api/group-list, group-get, group-list-members.
const READ_GROUPS: Rule = rule(
    &[
        "GroupMember.Read.All",
        "Group.Read.All",
        "Directory.Read.All",
        "Group.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/group-post-groups ("Group.Create" for applications), group-update, group-delete,
// group-post-owners, group-delete-owners. The pages list no roles; Groups Administrator, User
// Administrator and Directory Writers are the roles Entra lets manage groups (UNCONFIRMED here).
const CREATE_GROUPS: Rule = rule(
    &[
        "Group.Create",
        "Group.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[GROUPS_ADMINISTRATOR, USER_ADMINISTRATOR, DIRECTORY_WRITERS],
);
const WRITE_GROUPS: Rule = rule(
    &["Group.ReadWrite.All", "Directory.ReadWrite.All"],
    &[GROUPS_ADMINISTRATOR, USER_ADMINISTRATOR, DIRECTORY_WRITERS],
);
// graph/api/group-post-members, group-delete-members; the same roles as for WRITE_GROUPS.
const WRITE_GROUP_MEMBERS: Rule = rule(
    &[
        "GroupMember.ReadWrite.All",
        "Group.ReadWrite.All",
        "Directory.ReadWrite.All",
    ],
    &[GROUPS_ADMINISTRATOR, USER_ADMINISTRATOR, DIRECTORY_WRITERS],
);

// graph/api/device-list, device-get: any member user ("Users" leads the page's role list).
const READ_DEVICES: Rule = rule(
    &[
        "Device.Read.All",
        "Device.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// graph/api/device-update: delegated only Directory.AccessAsUser.All; Intune Administrator is the
// least privileged role, and a Cloud Device Administrator "can only enable or disable devices"
// (the simulator lets both change what it models). Applications: Device.ReadWrite.All or
// Directory.ReadWrite.All, which change only Windows devices (resources/devices.rs).
const WRITE_DEVICES: Rule = Rule {
    application_permissions: Some(&["Device.ReadWrite.All", "Directory.ReadWrite.All"]),
    ..rule(
        &["Directory.AccessAsUser.All"],
        &[INTUNE_ADMINISTRATOR, CLOUD_DEVICE_ADMINISTRATOR],
    )
};
// graph/api/device-delete: delegated Directory.AccessAsUser.All, applications Device.ReadWrite.All;
// Intune Administrator, Windows 365 Administrator or Cloud Device Administrator.
const DELETE_DEVICES: Rule = Rule {
    application_permissions: Some(&["Device.ReadWrite.All"]),
    ..rule(
        &["Directory.AccessAsUser.All"],
        &[
            INTUNE_ADMINISTRATOR,
            WINDOWS_365_ADMINISTRATOR,
            CLOUD_DEVICE_ADMINISTRATOR,
        ],
    )
};

// graph/api/deviceregistrationpolicy-get, -update; updating needs the Cloud Device Administrator
// role (the role list for reading was not read whole: UNCONFIRMED, any member user here).
const READ_DEVICE_REGISTRATION_POLICY: Rule = rule(
    &[
        "Policy.Read.DeviceConfiguration",
        "Policy.Read.All",
        "Policy.ReadWrite.DeviceConfiguration",
    ],
    &[],
);
const WRITE_DEVICE_REGISTRATION_POLICY: Rule = rule(
    &["Policy.ReadWrite.DeviceConfiguration"],
    &[CLOUD_DEVICE_ADMINISTRATOR],
);
// graph/api/onpremisesdirectorysynchronization-get, -update: delegated only (applications: "Not
// supported"), and "Global Administrator is the only role supported for this operation".
const READ_ON_PREMISES_SYNC: Rule = Rule {
    application_permissions: Some(&[]),
    ..rule(
        &[
            "OnPremDirectorySynchronization.Read.All",
            "OnPremDirectorySynchronization.ReadWrite.All",
        ],
        &[GLOBAL_ADMINISTRATOR],
    )
};
const WRITE_ON_PREMISES_SYNC: Rule = Rule {
    application_permissions: Some(&[]),
    ..rule(
        &["OnPremDirectorySynchronization.ReadWrite.All"],
        &[GLOBAL_ADMINISTRATOR],
    )
};

// graph/api/directory-list-administrativeunits, administrativeunit-get, -list-members: any
// member user.
const READ_ADMINISTRATIVE_UNITS: Rule = rule(
    &[
        "AdministrativeUnit.Read.All",
        "AdministrativeUnit.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// directory-post-administrativeunits, administrativeunit-update, -delete, -post-members,
// -delete-members: Privileged Role Administrator is the least privileged role.
const WRITE_ADMINISTRATIVE_UNITS: Rule = rule(
    &["AdministrativeUnit.ReadWrite.All"],
    &[PRIVILEGED_ROLE_ADMINISTRATOR],
);
// administrativeunit-list-scopedrolemembers, -get-scopedrolemembers: any member user.
const READ_SCOPED_ROLE_MEMBERS: Rule = rule(
    &[
        "RoleManagement.Read.Directory",
        "RoleManagement.ReadWrite.Directory",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    ],
    &[],
);
// administrativeunit-post-scopedrolemembers, -delete-scopedrolemembers: Privileged Role
// Administrator is the least privileged role.
const WRITE_SCOPED_ROLE_MEMBERS: Rule = rule(
    &["RoleManagement.ReadWrite.Directory"],
    &[PRIVILEGED_ROLE_ADMINISTRATOR],
);

// graph/api/groupsettingtemplate-list, groupsetting-list, groupsetting-get: reading templates
// and settings takes a role ("Read basic properties on setting templates and settings").
const SETTINGS_READERS: &[&str] = &[
    DIRECTORY_READERS,
    GLOBAL_READER,
    JOINED_DEVICE_LOCAL_ADMINISTRATOR,
    GROUPS_ADMINISTRATOR,
    DIRECTORY_WRITERS,
    USER_ADMINISTRATOR,
    AUTHENTICATION_POLICY_ADMINISTRATOR,
];
const READ_GROUP_SETTINGS: Rule = rule(
    &[
        "GroupSettings.Read.All",
        "GroupSettings.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
        "Group.Read.All",
        "Group.ReadWrite.All",
    ],
    SETTINGS_READERS,
);
// groupsetting-post-groupsettings, groupsetting-update, groupsetting-delete: Groups Administrator
// and Directory Writers manage all group settings, a User Administrator updates them.
const WRITE_GROUP_SETTINGS: Rule = rule(
    &[
        "GroupSettings.ReadWrite.All",
        "Directory.ReadWrite.All",
        "Policy.ReadWrite.Authorization",
    ],
    &[GROUPS_ADMINISTRATOR, DIRECTORY_WRITERS, USER_ADMINISTRATOR],
);
// group-post-settings: a group's new setting needs Directory.ReadWrite.All.
const CREATE_GROUP_SETTING: Rule = rule(
    &["Directory.ReadWrite.All"],
    &[GROUPS_ADMINISTRATOR, DIRECTORY_WRITERS],
);

// domain-list-federationconfiguration, internaldomainfederation-get: Domain Name, External
// Identity Provider, Hybrid Identity and Security Administrators, Security Reader, Global Reader.
const READ_DOMAIN_FEDERATION: Rule = rule(
    &[
        "Domain-InternalFederation.Read.All",
        "Domain-InternalFederation.ReadWrite.All",
        "Domain.Read.All",
        "Domain.ReadWrite.All",
        "Directory.Read.All",
    ],
    &[
        DOMAIN_NAME_ADMINISTRATOR,
        EXTERNAL_IDENTITY_PROVIDER_ADMINISTRATOR,
        HYBRID_IDENTITY_ADMINISTRATOR,
        SECURITY_ADMINISTRATOR,
        SECURITY_READER,
        GLOBAL_READER,
    ],
);
// domain-post-federationconfiguration, internaldomainfederation-update, -delete.
const WRITE_DOMAIN_FEDERATION: Rule = rule(
    &[
        "Domain-InternalFederation.ReadWrite.All",
        "Domain.ReadWrite.All",
    ],
    &[
        DOMAIN_NAME_ADMINISTRATOR,
        EXTERNAL_IDENTITY_PROVIDER_ADMINISTRATOR,
        HYBRID_IDENTITY_ADMINISTRATOR,
        SECURITY_ADMINISTRATOR,
    ],
);

/// The OpenID Connect scopes, which need no consent (entra/identity-platform/scopes-oidc).
pub const OPENID_SCOPES: &[&str] = &["openid", "profile", "email", "offline_access"];

const ALL_RULES: &[&Rule] = &[
    &READ_USERS,
    &WRITE_USERS,
    &REVOKE_SESSIONS,
    &ASSIGN_LICENSES,
    &READ_MEMBERSHIPS,
    &READ_METHODS,
    &WRITE_METHODS,
    &READ_REQUIREMENTS,
    &WRITE_REQUIREMENTS,
    &READ_ORGANIZATION,
    &READ_DOMAINS,
    &READ_SKUS,
    &READ_DELETED,
    &RESTORE_DELETED,
    &READ_ROLES,
    &WRITE_ROLES,
    &READ_GROUPS,
    &CREATE_GROUPS,
    &WRITE_GROUPS,
    &WRITE_GROUP_MEMBERS,
    &READ_METHOD_POLICY,
    &WRITE_ORGANIZATION,
    &WRITE_DOMAINS,
    &READ_SUBSCRIPTIONS,
    &READ_SERVICE_PRINCIPALS,
    &WRITE_SERVICE_PRINCIPALS,
    &READ_CONTACTS,
    &READ_VERIFICATION_RECORDS,
    &READ_AUTHORIZATION_POLICY,
    &WRITE_AUTHORIZATION_POLICY,
    &CREATE_APPLICATIONS,
    &READ_DEVICES,
    &WRITE_DEVICES,
    &DELETE_DEVICES,
    &READ_DEVICE_REGISTRATION_POLICY,
    &WRITE_DEVICE_REGISTRATION_POLICY,
    &READ_ON_PREMISES_SYNC,
    &WRITE_ON_PREMISES_SYNC,
    &READ_ADMINISTRATIVE_UNITS,
    &WRITE_ADMINISTRATIVE_UNITS,
    &READ_SCOPED_ROLE_MEMBERS,
    &WRITE_SCOPED_ROLE_MEMBERS,
    &READ_GROUP_SETTINGS,
    &WRITE_GROUP_SETTINGS,
    &CREATE_GROUP_SETTING,
    &READ_DOMAIN_FEDERATION,
    &WRITE_DOMAIN_FEDERATION,
];

/// Every permission the simulator knows: what a fully consented client holds.
pub fn all_permissions() -> BTreeSet<String> {
    ALL_RULES
        .iter()
        .flat_map(|r| {
            r.permissions
                .iter()
                .chain(r.self_permissions)
                .chain(r.application_permissions.unwrap_or_default())
        })
        .map(|p| p.to_string())
        .collect()
}

/// The rule for a request, by method and resource path (after `/me` is resolved); `None` where
/// the path needs none of its own (`$batch` items are checked one by one).
pub fn rule_for(method: &str, segments: &[&str]) -> Option<&'static Rule> {
    let write = method != "GET";
    Some(match segments {
        ["organization", ..] if write => &WRITE_ORGANIZATION,
        ["organization", ..] => &READ_ORGANIZATION,
        ["domains", _, "federationConfiguration", ..] if !write => &READ_DOMAIN_FEDERATION,
        ["domains", _, "federationConfiguration", ..] => &WRITE_DOMAIN_FEDERATION,
        ["domains", ..] if write => &WRITE_DOMAINS,
        ["domains", _, "verificationDnsRecords" | "domainNameReferences"] => {
            &READ_VERIFICATION_RECORDS
        }
        ["domains", ..] => &READ_DOMAINS,
        ["subscribedSkus", ..] => &READ_SKUS,
        ["users"] | ["users", "$count"] if !write => &READ_USERS,
        ["users"] => &WRITE_USERS,
        ["users", _] if !write => &READ_USERS,
        ["users", _] => &WRITE_USERS,
        ["users", _, "revokeSignInSessions"] => &REVOKE_SESSIONS,
        ["users", _, "assignLicense"] => &ASSIGN_LICENSES,
        ["users", _, "memberOf" | "transitiveMemberOf", ..] => &READ_MEMBERSHIPS,
        ["users", _, "authentication", "requirements"] if !write => &READ_REQUIREMENTS,
        ["users", _, "authentication", "requirements"] => &WRITE_REQUIREMENTS,
        ["users", _, "authentication", ..] if !write => &READ_METHODS,
        ["users", _, "authentication", ..] => &WRITE_METHODS,
        ["directory", "subscriptions", ..] => &READ_SUBSCRIPTIONS,
        ["directory", "administrativeUnits", _, "scopedRoleMembers", ..] if !write => {
            &READ_SCOPED_ROLE_MEMBERS
        }
        ["directory", "administrativeUnits", _, "scopedRoleMembers", ..] => {
            &WRITE_SCOPED_ROLE_MEMBERS
        }
        ["directory", "administrativeUnits", ..] if !write => &READ_ADMINISTRATIVE_UNITS,
        ["directory", "administrativeUnits", ..] => &WRITE_ADMINISTRATIVE_UNITS,
        ["directory", "onPremisesSynchronization", ..] if write => &WRITE_ON_PREMISES_SYNC,
        ["directory", "onPremisesSynchronization", ..] => &READ_ON_PREMISES_SYNC,
        ["applications"] if write => &CREATE_APPLICATIONS,
        ["servicePrincipals", ..] if write => &WRITE_SERVICE_PRINCIPALS,
        ["servicePrincipals", ..] => &READ_SERVICE_PRINCIPALS,
        ["contacts", ..] if !write => &READ_CONTACTS,
        ["devices", ..] if !write => &READ_DEVICES,
        ["devices", ..] if method == "DELETE" => &DELETE_DEVICES,
        ["devices", ..] => &WRITE_DEVICES,
        ["directory", "deletedItems", ..] if !write => &READ_DELETED,
        ["directory", "deletedItems", ..] => &RESTORE_DELETED,
        ["directoryRoleTemplates", ..] => &READ_ROLES,
        ["directoryRoles", ..] if !write => &READ_ROLES,
        ["directoryRoles", ..] => &WRITE_ROLES,
        ["groupSettingTemplates", ..] | ["groupSettings", ..] | ["groups", _, "settings", ..]
            if !write =>
        {
            &READ_GROUP_SETTINGS
        }
        ["groups", _, "settings"] if method == "POST" => &CREATE_GROUP_SETTING,
        ["groupSettings", ..] | ["groups", _, "settings", ..] => &WRITE_GROUP_SETTINGS,
        ["groups", ..] if !write => &READ_GROUPS,
        ["groups"] => &CREATE_GROUPS,
        ["groups", _, "members", ..] => &WRITE_GROUP_MEMBERS,
        ["groups", ..] => &WRITE_GROUPS,
        ["policies", "authenticationMethodsPolicy", ..] if !write => &READ_METHOD_POLICY,
        ["policies", "deviceRegistrationPolicy"] if !write => &READ_DEVICE_REGISTRATION_POLICY,
        ["policies", "deviceRegistrationPolicy"] => &WRITE_DEVICE_REGISTRATION_POLICY,
        ["policies", "authorizationPolicy"] if !write => &READ_AUTHORIZATION_POLICY,
        ["policies", "authorizationPolicy"] => &WRITE_AUTHORIZATION_POLICY,
        _ => return None,
    })
}

/// Who is calling, as far as permissions go.
pub struct Principal<'a> {
    /// The token's `scp` (delegated) or `roles` (application).
    pub permissions: &'a BTreeSet<String>,
    /// The signed-in user of a delegated token.
    pub user: Option<Uuid>,
}

/// Why a request is refused, or `None` when it may go on. `target` is the user the request is
/// about, if any.
pub fn refusal(
    rule: &Rule,
    principal: &Principal,
    target: Option<Uuid>,
    tenant: &SimTenant,
) -> Option<&'static str> {
    // Only a rule with a documented `/me` row lets users act on themselves without a role.
    let on_self =
        principal.user.is_some() && principal.user == target && !rule.self_permissions.is_empty();
    let permissions = match (principal.user, rule.application_permissions) {
        (None, Some(application)) => application,
        _ => rule.permissions,
    };
    let holds_permission = permissions
        .iter()
        .chain(if on_self { rule.self_permissions } else { &[] })
        .any(|p| principal.permissions.contains(*p));
    if !holds_permission {
        return Some("permission");
    }
    let user = principal.user?;
    if rule.roles.is_empty() || on_self || tenant.holds_role(user, GLOBAL_ADMINISTRATOR) {
        return None;
    }
    let roles: Vec<&str> = rule
        .roles
        .iter()
        .copied()
        .filter(|r| tenant.holds_role(user, r))
        .collect();
    if roles.is_empty() {
        return Some("role");
    }
    let only_authentication_administrator = roles == [AUTHENTICATION_ADMINISTRATOR];
    if rule.non_admin_targets_only_for_authentication_administrators
        && only_authentication_administrator
        && target.is_some_and(|t| tenant.roles.iter().any(|r| r.members.contains(&t)))
    {
        return Some("role");
    }
    None
}
