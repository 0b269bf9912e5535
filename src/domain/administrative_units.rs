//! Administrative units' rules, once for every backend: what New-MsolAdministrativeUnit creates,
//! what Set-MsolAdministrativeUnit changes, which units a listing shows in which order, and which
//! roles can be scoped to a unit.

use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{AdministrativeUnit, RoleScopedMember};
use super::query::name_or_address_starts_with;
use super::requests::{NewAdministrativeUnitParams, SetAdministrativeUnitParams};
use super::roles;
use super::text::{optional_text, required_display_name};

/// The roles Microsoft Entra ID assigns over an administrative unit, by template id
/// (entra/identity/role-based-access-control/admin-units-assign-roles, "Roles that can be assigned
/// with administrative unit scope"). MSOnline's own documentation names User Account
/// Administrator and Helpdesk Administrator; Entra has since added the others.
pub const SCOPABLE_ROLES: &[&str] = &[
    "c4e39bd9-1100-46d3-8c65-fb160da0071f", // Authentication Administrator
    "7698a772-787b-4ac8-901f-60d6b08affd2", // Cloud Device Administrator
    "fdd7a751-b60b-444a-984c-02652fe8fa1c", // Groups Administrator
    "729827e3-9c14-49f7-bb1b-9608f156bbb8", // Helpdesk Administrator
    "4d6ac14f-3453-41d0-bef9-a3e0c569773a", // License Administrator
    "966707d0-3269-4727-9be2-8c3a10f19b9d", // Password Administrator
    "644ef478-e28f-4e28-b9dc-3fdde9aa0b1f", // Printer Administrator
    "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", // Privileged Authentication Administrator
    "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", // SharePoint Administrator
    "69091246-20e8-4a56-aa4d-066075b2a7a8", // Teams Administrator
    "3d762c5a-1b6c-493f-843e-55a3b42923d4", // Teams Devices Administrator
    "fe930be7-5e62-47db-91af-98c3a49a38b1", // User Administrator (User Account Administrator)
];

/// Refuses a role that cannot be held over an administrative unit, naming those that can.
pub fn check_scopable(role: Uuid) -> FaultResult<()> {
    if SCOPABLE_ROLES
        .iter()
        .any(|id| Uuid::parse_str(id).ok() == Some(role))
    {
        return Ok(());
    }
    let name = roles::by_id(role).map_or_else(|| role.to_string(), |r| r.legacy_name.to_string());
    let allowed: Vec<String> = SCOPABLE_ROLES
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .filter_map(roles::by_id)
        .map(|r| r.legacy_name.to_string())
        .collect();
    Err(Fault::InvalidValue {
        field: "RoleObjectId".to_string(),
        reason: format!("The role {name} cannot be scoped to an administrative unit."),
        allowed,
    })
}

/// The unit New-MsolAdministrativeUnit creates.
pub fn new_unit(params: &NewAdministrativeUnitParams, id: Uuid) -> FaultResult<AdministrativeUnit> {
    Ok(AdministrativeUnit {
        object_id: id,
        display_name: required_display_name(
            params.display_name.as_deref().unwrap_or_default(),
            "An administrative unit",
        )?,
        description: params.description.as_deref().and_then(optional_text),
    })
}

/// Applies Set-MsolAdministrativeUnit's given properties; answers the names of those that really
/// changed.
pub fn apply_changes(
    unit: &mut AdministrativeUnit,
    params: &SetAdministrativeUnitParams,
) -> FaultResult<Vec<&'static str>> {
    let mut changed = Vec::new();
    if let Some(name) = &params.display_name {
        let name = required_display_name(name, "An administrative unit")?;
        if name != unit.display_name {
            unit.display_name = name;
            changed.push("DisplayName");
        }
    }
    if let Some(description) = &params.description {
        let description = optional_text(description);
        if description != unit.description {
            unit.description = description;
            changed.push("Description");
        }
    }
    Ok(changed)
}

/// Whether a listing shows the unit: SearchString is a prefix of its display name, in any case.
pub fn listed(unit: &AdministrativeUnit, search_string: Option<&str>) -> bool {
    name_or_address_starts_with(Some(&unit.display_name), None, search_string)
}

/// Listings' order, the same on every backend: by display name, then ObjectId.
pub fn sort(units: &mut [AdministrativeUnit]) {
    units.sort_by(|a, b| {
        a.display_name
            .to_lowercase()
            .cmp(&b.display_name.to_lowercase())
            .then(a.object_id.cmp(&b.object_id))
    });
}

/// Scoped role members' order: by unit, role, then member.
pub fn sort_scoped(members: &mut [RoleScopedMember]) {
    members.sort_by_key(|m| {
        (
            m.administrative_unit_object_id,
            m.role_object_id,
            m.object_id,
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpdesk_and_user_administrators_are_scopable_and_global_administrators_are_not() {
        assert!(check_scopable(roles::by_name("Helpdesk Administrator").unwrap().id()).is_ok());
        assert!(check_scopable(roles::by_name("User Account Administrator").unwrap().id()).is_ok());
        let refused = check_scopable(roles::by_name("Company Administrator").unwrap().id())
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("Company Administrator cannot be scoped"),
            "{refused}"
        );
        assert!(refused.contains("Helpdesk Administrator"), "{refused}");
        assert!(refused.contains("Teams Devices Administrator"), "{refused}");
    }

    #[test]
    fn every_scopable_role_is_a_built_in_role() {
        for id in SCOPABLE_ROLES {
            let id = Uuid::parse_str(id).unwrap();
            assert!(roles::by_id(id).is_some(), "{id}");
        }
    }

    #[test]
    fn set_changes_only_what_differs_and_an_empty_description_clears() {
        let mut unit = new_unit(
            &NewAdministrativeUnitParams {
                display_name: Some(" West Coast ".into()),
                description: Some("West Coast region".into()),
                tenant_id: None,
            },
            Uuid::nil(),
        )
        .unwrap();
        assert_eq!(unit.display_name, "West Coast");
        let same = SetAdministrativeUnitParams {
            object_id: Uuid::nil(),
            display_name: Some("West Coast".into()),
            description: Some("".into()),
            tenant_id: None,
        };
        assert_eq!(apply_changes(&mut unit, &same).unwrap(), ["Description"]);
        assert_eq!(unit.description, None);
        let cleared = SetAdministrativeUnitParams {
            display_name: Some(" ".into()),
            ..same
        };
        assert!(apply_changes(&mut unit, &cleared).is_err());
    }
}
