//! Set-MsolDirSyncEnabled's rules, once for every backend: what turning directory
//! synchronization on or off does to the company, and when it may not be done.
//!
//! Microsoft documents the switch as a change of the organization's `onPremisesSyncEnabled`
//! (office365/enterprise/turn-off-directory-synchronization, "Turn off directory
//! synchronization"). Turning it off converts every synchronized object to cloud-only, cannot be
//! cancelled, and "you must wait 72 hours before you can turn directory synchronization back on".

use chrono::Duration;

use super::fault::{Fault, FaultResult};
use super::model::{
    CompanyInformation, Contact, DirSyncProvisioningError, DirSyncProvisioningErrorObject, Group,
    ProvisioningErrorObjectType, User,
};
use super::requests::{
    ProvisioningErrorCategory, ProvisioningErrorProperty, SortDirection, SortField,
};
use super::time::Timestamp;

/// The documented wait between turning synchronization off and turning it back on.
pub fn reenable_wait() -> Duration {
    Duration::hours(72)
}

/// Whether the switch changes anything, or why it may not be made now. `turned_off_at` is when
/// it was last turned off, where the backend knows it.
pub fn check_switch(
    company: &CompanyInformation,
    enable: bool,
    turned_off_at: Option<Timestamp>,
    now: Timestamp,
) -> FaultResult<bool> {
    if company.directory_synchronization_enabled == enable {
        return Ok(false);
    }
    if enable {
        if let Some(off) = turned_off_at {
            let allowed_from = off.datetime() + reenable_wait();
            if now.datetime() < allowed_from {
                return Err(Fault::DirSyncStatusChangeNotAllowed(format!(
                    "You cannot turn on directory synchronization yet: it was turned off at {off}, and it can be turned back on 72 hours later, from {}.",
                    Timestamp::from_datetime(allowed_from)
                )));
            }
        }
    }
    Ok(true)
}

/// The company after the switch. Turning off completes at once here (Microsoft's can take up
/// to 72 hours, shown as PendingDisabled; a script that polls DirectorySynchronizationEnabled
/// sees the end state either way).
pub fn switched(company: &CompanyInformation, enable: bool) -> CompanyInformation {
    CompanyInformation {
        directory_synchronization_enabled: enable,
        directory_synchronization_status: if enable { "Enabled" } else { "Disabled" }.to_string(),
        ..company.clone()
    }
}

/// What the outcome names as changed.
pub const CHANGED: &str = "DirectorySynchronizationEnabled";

/// A user with synchronization conflicts, as Get-MsolDirSyncProvisioningError shows it; `None`
/// for one without (or in the recycle bin).
pub fn user_conflicts(user: &User) -> Option<DirSyncProvisioningErrorObject> {
    (user.soft_deletion_timestamp.is_none() && !user.dir_sync_provisioning_errors.is_empty()).then(
        || DirSyncProvisioningErrorObject {
            object_id: user.object_id,
            object_type: ProvisioningErrorObjectType::User,
            display_name: user.display_name.clone(),
            user_principal_name: Some(user.user_principal_name.clone()),
            immutable_id: user.immutable_id.clone(),
            proxy_addresses: user.proxy_addresses.clone(),
            last_dir_sync_time: user.last_dir_sync_time,
            provisioning_errors: user.dir_sync_provisioning_errors.clone(),
        },
    )
}

pub fn group_conflicts(group: &Group) -> Option<DirSyncProvisioningErrorObject> {
    (!group.dir_sync_provisioning_errors.is_empty()).then(|| DirSyncProvisioningErrorObject {
        object_id: group.object_id,
        object_type: ProvisioningErrorObjectType::Group,
        display_name: Some(group.display_name.clone()),
        user_principal_name: None,
        immutable_id: None,
        proxy_addresses: group.proxy_addresses.clone(),
        last_dir_sync_time: group.last_dir_sync_time,
        provisioning_errors: group.dir_sync_provisioning_errors.clone(),
    })
}

pub fn contact_conflicts(contact: &Contact) -> Option<DirSyncProvisioningErrorObject> {
    (!contact.dir_sync_provisioning_errors.is_empty()).then(|| DirSyncProvisioningErrorObject {
        object_id: contact.object_id,
        object_type: ProvisioningErrorObjectType::Contact,
        display_name: Some(contact.display_name.clone()),
        user_principal_name: None,
        immutable_id: None,
        proxy_addresses: contact.proxy_addresses.clone(),
        last_dir_sync_time: contact.last_dir_sync_time,
        provisioning_errors: contact.dir_sync_provisioning_errors.clone(),
    })
}

/// Which objects Get-MsolDirSyncProvisioningError lists. *Choice*: the documentation calls every
/// argument case sensitive; names and values are compared in any case here, as Entra compares
/// user principal names and addresses, so a script that worked goes on working.
#[derive(Clone, Debug, Default)]
pub struct ProvisioningErrorQuery {
    pub category: Option<ProvisioningErrorCategory>,
    pub property: Option<ProvisioningErrorProperty>,
    pub value: Option<String>,
    pub search: Option<String>,
}

impl ProvisioningErrorQuery {
    fn error_matches(&self, error: &DirSyncProvisioningError) -> bool {
        self.category.is_none_or(|_| {
            error
                .error_category
                .eq_ignore_ascii_case("PropertyConflict")
        }) && self
            .property
            .is_none_or(|p| error.property_name.eq_ignore_ascii_case(p.name()))
            && self
                .value
                .as_deref()
                .is_none_or(|v| error.property_value.trim().eq_ignore_ascii_case(v.trim()))
    }

    /// An object is listed when one of its conflicts matches, and `-SearchString` matches the
    /// start of its display name (the documentation's example 4).
    pub fn lists(&self, object: &DirSyncProvisioningErrorObject) -> bool {
        object
            .provisioning_errors
            .iter()
            .any(|e| self.error_matches(e))
            && super::query::name_or_address_starts_with(
                object.display_name.as_deref(),
                None,
                self.search.as_deref(),
            )
    }
}

/// Orders a listing. *Choice*: `None` (the default) lists by ObjectId, an order both backends
/// share, so pages follow one another the same way; ties go by ObjectId too.
pub fn sort_conflicts(
    objects: &mut [DirSyncProvisioningErrorObject],
    field: SortField,
    direction: SortDirection,
) {
    let key = |o: &DirSyncProvisioningErrorObject| match field {
        SortField::None => String::new(),
        SortField::DisplayName => o.display_name.clone().unwrap_or_default().to_lowercase(),
        SortField::UserPrincipalName => o
            .user_principal_name
            .clone()
            .unwrap_or_default()
            .to_lowercase(),
    };
    objects.sort_by(|a, b| {
        let order = (key(a), a.object_id).cmp(&(key(b), b.object_id));
        match direction {
            SortDirection::Ascending => order,
            SortDirection::Descending => order.reverse(),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tenant::new_tenant;

    #[test]
    fn turning_back_on_waits_72_hours_after_turning_off() {
        let now = Timestamp::now();
        let company = new_tenant(
            "Contoso",
            "contoso.onmicrosoft.com",
            uuid::Uuid::new_v4(),
            now,
        )
        .unwrap()
        .company;
        assert!(!check_switch(&company, false, None, now).unwrap());
        assert!(check_switch(&company, true, None, now).unwrap());
        let off = Timestamp::from_datetime(now.datetime() - Duration::hours(71));
        let refused = check_switch(&company, true, Some(off), now).unwrap_err();
        assert_eq!(refused.code(), "DirSyncStatusChangeNotAllowedException");
        assert!(refused.to_string().contains("72 hours"), "{refused}");
        let long_ago = Timestamp::from_datetime(now.datetime() - Duration::hours(73));
        assert!(check_switch(&company, true, Some(long_ago), now).unwrap());
        let on = switched(&company, true);
        assert_eq!(on.directory_synchronization_status, "Enabled");
        assert!(!check_switch(&on, true, Some(off), now).unwrap());
    }

    fn conflicted(name: &str, property: &str, value: &str) -> DirSyncProvisioningErrorObject {
        let mut user = User::new(
            uuid::Uuid::new_v4(),
            format!("{}@contoso.com", name.to_lowercase()),
            Timestamp::now(),
        );
        user.display_name = Some(name.to_string());
        user.dir_sync_provisioning_errors = vec![DirSyncProvisioningError {
            error_category: "PropertyConflict".into(),
            property_name: property.into(),
            property_value: value.into(),
            when_started: Timestamp::now(),
        }];
        user_conflicts(&user).expect("a user with a conflict")
    }

    #[test]
    fn conflicts_are_found_by_property_value_and_name() {
        let ada = conflicted("Ada", "UserPrincipalName", "ada@contoso.com");
        let bob = conflicted("Bob", "ProxyAddresses", "SMTP:bob@contoso.com");
        let all = ProvisioningErrorQuery::default();
        assert!(all.lists(&ada) && all.lists(&bob));
        let upn = ProvisioningErrorQuery {
            category: Some(ProvisioningErrorCategory::PropertyConflict),
            property: Some(ProvisioningErrorProperty::UserPrincipalName),
            ..Default::default()
        };
        assert!(upn.lists(&ada) && !upn.lists(&bob));
        let value = ProvisioningErrorQuery {
            value: Some("smtp:BOB@contoso.com".into()),
            ..Default::default()
        };
        assert!(!value.lists(&ada) && value.lists(&bob));
        let search = ProvisioningErrorQuery {
            search: Some("bo".into()),
            ..Default::default()
        };
        assert!(!search.lists(&ada) && search.lists(&bob));
    }

    #[test]
    fn listings_sort_by_the_field_asked_for() {
        let mut objects = vec![
            conflicted("bob", "UserPrincipalName", "x"),
            conflicted("Ada", "UserPrincipalName", "y"),
        ];
        sort_conflicts(
            &mut objects,
            SortField::DisplayName,
            SortDirection::Ascending,
        );
        assert_eq!(objects[0].display_name.as_deref(), Some("Ada"));
        sort_conflicts(
            &mut objects,
            SortField::UserPrincipalName,
            SortDirection::Descending,
        );
        assert_eq!(objects[0].display_name.as_deref(), Some("bob"));
        sort_conflicts(&mut objects, SortField::None, SortDirection::Ascending);
        assert!(objects[0].object_id < objects[1].object_id);
    }

    #[test]
    fn deleted_users_and_objects_without_conflicts_are_not_listed() {
        let mut user = User::new(
            uuid::Uuid::new_v4(),
            "a@contoso.com".into(),
            Timestamp::now(),
        );
        assert!(user_conflicts(&user).is_none());
        user.dir_sync_provisioning_errors =
            conflicted("A", "UserPrincipalName", "a").provisioning_errors;
        assert!(user_conflicts(&user).is_some());
        user.soft_deletion_timestamp = Some(Timestamp::now());
        assert!(user_conflicts(&user).is_none());
    }
}
