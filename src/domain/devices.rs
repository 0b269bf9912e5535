//! Devices: which ones a listing returns, in which order, and what a change would do.

use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{Device, DeviceRegistrationScope, DeviceRegistrationServicePolicy};
use super::requests::SetDeviceRegistrationServicePolicyParams;
use super::time::Timestamp;

/// One device, as the cmdlets name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceKey {
    ObjectId(Uuid),
    /// The device registration service's identifier.
    DeviceId(Uuid),
}

impl DeviceKey {
    /// The key a write names: exactly one of DeviceId and ObjectId.
    pub fn of(device_id: Option<Uuid>, object_id: Option<Uuid>) -> FaultResult<DeviceKey> {
        match (device_id, object_id) {
            (Some(id), None) => Ok(DeviceKey::DeviceId(id)),
            (None, Some(id)) => Ok(DeviceKey::ObjectId(id)),
            (Some(_), Some(_)) => Err(Fault::invalid(
                "ObjectId",
                "Name the device by its DeviceId or by its ObjectId, not both.",
            )),
            (None, None) => Err(Fault::Required {
                field: "DeviceId".to_string(),
                reason: "Name the device with DeviceId or ObjectId.".to_string(),
            }),
        }
    }

    /// The device not found under this key.
    pub fn not_found(self) -> Fault {
        Fault::DeviceNotFound(match self {
            DeviceKey::ObjectId(id) | DeviceKey::DeviceId(id) => id.to_string(),
        })
    }

    pub fn matches(self, device: &Device) -> bool {
        match self {
            DeviceKey::ObjectId(id) => device.object_id == id,
            DeviceKey::DeviceId(id) => device.device_id == id,
        }
    }
}

/// Which devices a listing returns (Get-MsolDevice's listing parameter sets).
#[derive(Clone, Debug, Default)]
pub struct DeviceQuery {
    /// `-Name`: the display name, in any case.
    pub name: Option<String>,
    /// `-LogonTimeBefore`: devices whose last sign-in is before this instant. Devices that never
    /// signed in have no timestamp and are not listed.
    pub logon_time_before: Option<Timestamp>,
    /// `-RegisteredOwnerUpn`, resolved to the user's ObjectId.
    pub owner: Option<Uuid>,
    /// `-ReturnRegisteredOwners`: fill `RegisteredOwners` (the owner filter fills it too).
    pub with_owners: bool,
    /// `-All` lists leave out system-managed devices unless `-IncludeSystemManagedDevices`.
    pub exclude_system_managed: bool,
}

/// Whether a device is managed by the system rather than by people: a Windows Autopilot device,
/// which carries a `[ZTDID]` physical id (the id Microsoft's dynamic-group rules use to find every
/// Autopilot device). Microsoft's stale-device guide warns not to delete these: they cannot be
/// provisioned again. Which other devices MSOnline counted as system-managed is UNCONFIRMED.
pub fn is_system_managed(device: &Device) -> bool {
    device.device_physical_ids.iter().any(|id| {
        id.get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("[ZTDID]"))
    })
}

/// Whether `device` is listed by `query`; the owner filter is the backend's (it knows owners by
/// ObjectId), this checks the rest.
pub fn listed(device: &Device, query: &DeviceQuery) -> bool {
    query
        .name
        .as_deref()
        .is_none_or(|name| device.display_name.eq_ignore_ascii_case(name.trim()))
        && query.logon_time_before.is_none_or(|before| {
            device
                .approximate_last_logon_timestamp
                .is_some_and(|at| at < before)
        })
        && !(query.exclude_system_managed && is_system_managed(device))
}

/// Listings go by display name (then ObjectId) on both backends, so pages follow one another
/// the same way.
pub fn sort(devices: &mut [Device]) {
    devices.sort_by(|a, b| {
        (a.display_name.to_lowercase(), a.object_id)
            .cmp(&(b.display_name.to_lowercase(), b.object_id))
    });
}

/// What Enable- or Disable-MsolDevice changes: `Enabled`, or nothing when it already is so.
pub fn enabled_change(device: &Device, enabled: bool) -> Option<&'static str> {
    (device.enabled != enabled).then_some("Enabled")
}

/// A new tenant's device registration policy: Graph's defaults (50 devices per user, no extra
/// authentication; everyone may register and join).
pub fn default_registration_policy() -> DeviceRegistrationServicePolicy {
    DeviceRegistrationServicePolicy {
        maximum_devices_per_user: 50,
        require_multi_factor_auth: false,
        allowed_to_workplace_join: DeviceRegistrationScope::All,
        allowed_to_azure_ad_join: DeviceRegistrationScope::All,
        users: Vec::new(),
        groups: Vec::new(),
    }
}

/// Applies Set-MsolDeviceRegistrationServicePolicy to `policy`: the changed properties, in
/// MSOnline's names, and warnings. Workplace join takes All or None (its documentation; MSOnline
/// took no user or group list for it). Joining with Selected keeps the users and groups the
/// policy names; with none, nobody may join, which the warning says.
pub fn apply_registration_policy(
    policy: &mut DeviceRegistrationServicePolicy,
    p: &SetDeviceRegistrationServicePolicyParams,
) -> FaultResult<(Vec<&'static str>, Vec<String>)> {
    if p.allowed_to_workplace_join == Some(DeviceRegistrationScope::Selected) {
        return Err(Fault::invalid_choice(
            "AllowedToWorkplaceJoin",
            "workplace join is allowed to everyone or to no one.".to_string(),
            &["All", "None"],
        ));
    }
    if let Some(max) = p.maximum_devices_per_user {
        if max < 0 {
            return Err(Fault::invalid(
                "MaximumDevicesPerUser",
                format!("{max} is less than 0."),
            ));
        }
    }
    let mut changed = Vec::new();
    let mut warnings = Vec::new();
    if let Some(max) = p.maximum_devices_per_user {
        if policy.maximum_devices_per_user != max {
            policy.maximum_devices_per_user = max;
            changed.push("MaximumDevicesPerUser");
        }
    }
    if let Some(mfa) = p.require_multi_factor_auth {
        if policy.require_multi_factor_auth != mfa {
            policy.require_multi_factor_auth = mfa;
            changed.push("RequireMultiFactorAuth");
        }
    }
    if let Some(scope) = p.allowed_to_workplace_join {
        if policy.allowed_to_workplace_join != scope {
            policy.allowed_to_workplace_join = scope;
            changed.push("AllowedToWorkplaceJoin");
        }
    }
    if let Some(scope) = p.allowed_to_azure_ad_join {
        if policy.allowed_to_azure_ad_join != scope {
            policy.allowed_to_azure_ad_join = scope;
            changed.push("AllowedToAzureAdJoin");
        }
        if scope == DeviceRegistrationScope::Selected
            && policy.users.is_empty()
            && policy.groups.is_empty()
        {
            warnings.push("AllowedToAzureAdJoin is Selected, but the policy names no users or groups, so nobody may join devices: choose them in the Microsoft Entra admin center (Devices, Device settings).".to_string());
        }
    }
    if policy.maximum_devices_per_user == 0 && changed.contains(&"MaximumDevicesPerUser") {
        warnings.push(
            "MaximumDevicesPerUser is 0: users cannot register or join any device.".to_string(),
        );
    }
    Ok((changed, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(name: &str, logon: Option<&str>, physical: &[&str]) -> Device {
        serde_json::from_value(serde_json::json!({
            "ObjectId": Uuid::new_v4(),
            "DeviceId": Uuid::new_v4(),
            "DisplayName": name,
            "Enabled": true,
            "ApproximateLastLogonTimestamp": logon,
            "DevicePhysicalIds": physical,
        }))
        .unwrap()
    }

    fn at(text: &str) -> Timestamp {
        serde_json::from_value(serde_json::json!(text)).unwrap()
    }

    #[test]
    fn logon_time_before_is_strict_and_skips_devices_that_never_signed_in() {
        let query = DeviceQuery {
            logon_time_before: Some(at("2026-01-01T00:00:00Z")),
            ..DeviceQuery::default()
        };
        assert!(listed(
            &device("a", Some("2025-12-31T23:59:59Z"), &[]),
            &query
        ));
        assert!(!listed(
            &device("b", Some("2026-01-01T00:00:00Z"), &[]),
            &query
        ));
        assert!(!listed(&device("c", None, &[]), &query));
    }

    #[test]
    fn autopilot_devices_are_system_managed_and_left_out_on_request() {
        let autopilot = device("ap", None, &["[ZTDId]:5d4f…", "[HWID]:h:1"]);
        assert!(is_system_managed(&autopilot));
        assert!(!is_system_managed(&device("pc", None, &["[HWID]:h:1"])));
        let query = DeviceQuery {
            exclude_system_managed: true,
            ..DeviceQuery::default()
        };
        assert!(!listed(&autopilot, &query));
        assert!(listed(&autopilot, &DeviceQuery::default()));
    }

    #[test]
    fn names_match_in_any_case_and_listings_sort_by_name() {
        let query = DeviceQuery {
            name: Some("LAPTOP-01".into()),
            ..DeviceQuery::default()
        };
        assert!(listed(&device("laptop-01", None, &[]), &query));
        assert!(!listed(&device("laptop-02", None, &[]), &query));
        let mut all = vec![device("b", None, &[]), device("A", None, &[])];
        sort(&mut all);
        assert_eq!(all[0].display_name, "A");
    }

    #[test]
    fn only_a_real_change_is_one() {
        let d = device("a", None, &[]);
        assert_eq!(enabled_change(&d, true), None);
        assert_eq!(enabled_change(&d, false), Some("Enabled"));
    }

    #[test]
    fn the_registration_policy_changes_only_what_differs_and_refuses_a_selected_workplace_join() {
        let mut policy = default_registration_policy();
        let same = SetDeviceRegistrationServicePolicyParams {
            maximum_devices_per_user: Some(50),
            ..SetDeviceRegistrationServicePolicyParams::default()
        };
        assert!(apply_registration_policy(&mut policy, &same)
            .unwrap()
            .0
            .is_empty());
        let selected = SetDeviceRegistrationServicePolicyParams {
            allowed_to_azure_ad_join: Some(DeviceRegistrationScope::Selected),
            require_multi_factor_auth: Some(true),
            ..SetDeviceRegistrationServicePolicyParams::default()
        };
        let (changed, warnings) = apply_registration_policy(&mut policy, &selected).unwrap();
        assert_eq!(changed, ["RequireMultiFactorAuth", "AllowedToAzureAdJoin"]);
        assert!(warnings[0].contains("nobody may join"), "{warnings:?}");
        let workplace = SetDeviceRegistrationServicePolicyParams {
            allowed_to_workplace_join: Some(DeviceRegistrationScope::Selected),
            ..SetDeviceRegistrationServicePolicyParams::default()
        };
        assert!(apply_registration_policy(&mut policy, &workplace).is_err());
    }
}
