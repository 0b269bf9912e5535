//! Devices (graph/api/device-list, device-get, device-update, device-delete), addressed by `id`
//! or by `deviceId` (`/devices(deviceId='…')`), with their registered owners through
//! `$expand=registeredOwners` (graph/api/resources/device: registeredOwners "Supports $expand").

use super::*;
use crate::odata::{self, Filter, Literal};
use crate::state::SimDevice;

/// The device a path key names: `{id}` or `deviceId={deviceId}`.
pub(super) fn find_device(tenant: &SimTenant, key: &str) -> Option<usize> {
    let (by_device_id, value) = match key.split_once('=') {
        Some((name, value)) if name.eq_ignore_ascii_case("deviceId") => (true, value),
        _ => (false, key),
    };
    let id = Uuid::parse_str(value).ok()?;
    tenant.devices.iter().position(|d| {
        if by_device_id {
            d.device_id == id
        } else {
            d.id == id
        }
    })
}

/// A device as listed: its properties after `$select`, and its owners when `$expand` asks (each a
/// user, with the properties the expansion's own `$select` names).
fn device_json(
    tenant: &SimTenant,
    device: &SimDevice,
    request: &SimRequest,
    owners: Option<Option<&str>>,
) -> Value {
    let mut value = select(device.to_json(), request.param("$select"), None);
    if let Some(owner_select) = owners {
        let listed: Vec<Value> = device
            .registered_owners
            .iter()
            .filter_map(|id| tenant.directory_object(*id))
            .map(|owner| select(owner, owner_select, None))
            .collect();
        value["registeredOwners"] = json!(listed);
    }
    value
}

/// What `$expand` asks of a device request: nothing, or the owners with an optional nested
/// `$select`; any other expansion is refused, since the simulator does not model it.
fn expanded_owners(request: &SimRequest) -> Result<Option<Option<&str>>, SimResponse> {
    let Some(expand) = request.param("$expand") else {
        return Ok(None);
    };
    let (name, options) = match expand.split_once('(') {
        Some((name, rest)) => (name, rest.strip_suffix(')')),
        None => (expand, None),
    };
    if !name.trim().eq_ignore_ascii_case("registeredOwners") {
        return Err(bad_request(&format!(
            "The Graph simulator does not implement $expand={expand} on devices."
        )));
    }
    match options {
        None => Ok(Some(None)),
        Some(options) => match options.split_once('=') {
            Some((option, fields)) if option.trim().eq_ignore_ascii_case("$select") => {
                Ok(Some(Some(fields)))
            }
            _ => Err(bad_request(&format!(
                "The Graph simulator does not implement $expand={expand} on devices."
            ))),
        },
    }
}

pub(super) fn list_devices(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    // Graph documents $count, $filter on more properties, $orderby and $search here too; the
    // simulator answers displayName eq only, and refuses the rest rather than ignore it.
    for option in ["$search", "$orderby", "$count"] {
        if request.param(option).is_some() {
            return bad_request(&format!(
                "The Graph simulator does not implement {option} on devices."
            ));
        }
    }
    let name = match request.param("$filter") {
        None => None,
        Some(text) => match odata::parse(text) {
            Some(Filter::Compare {
                property,
                equal: true,
                value: Literal::Text(name),
            }) if property == "displayName" => Some(name),
            _ => {
                return bad_request(&format!(
                    "The Graph simulator does not implement $filter={text} on devices."
                ))
            }
        },
    };
    let owners = match expanded_owners(request) {
        Ok(owners) => owners,
        Err(response) => return response,
    };
    let matching: Vec<&SimDevice> = tenant
        .devices
        .iter()
        .filter(|d| {
            name.as_deref()
                .is_none_or(|n| d.display_name.eq_ignore_ascii_case(n))
        })
        .collect();
    paged_collection(request, "devices", matching.len(), |range| {
        matching[range]
            .iter()
            .map(|d| device_json(tenant, d, request, owners))
            .collect()
    })
}

pub(super) fn get_device(tenant: &SimTenant, key: &str, request: &SimRequest) -> SimResponse {
    let owners = match expanded_owners(request) {
        Ok(owners) => owners,
        Err(response) => return response,
    };
    match find_device(tenant, key) {
        Some(index) => SimResponse::json(
            200,
            device_json(tenant, &tenant.devices[index], request, owners),
        ),
        None => not_found(key),
    }
}

/// graph/api/device-update: "In application-only scenarios and for non-Windows devices, that is,
/// where the operatingSystem property is not Windows, the app can update only the
/// extensionAttributes property."
pub(super) fn update_device(
    tenant: &mut SimTenant,
    key: &str,
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = find_device(tenant, key) else {
        return not_found(key);
    };
    let Some(Value::Object(patch)) = &request.body else {
        return bad_request("A request body is required.");
    };
    let windows = tenant.devices[index]
        .operating_system
        .as_deref()
        .is_some_and(|os| os.eq_ignore_ascii_case("Windows"));
    for (key, value) in patch {
        let typed = match key.as_str() {
            // Instance annotations such as the `@odata.type` SDKs send are not properties.
            annotation if annotation.starts_with('@') => true,
            "accountEnabled" => value.is_boolean(),
            "displayName" | "operatingSystem" | "operatingSystemVersion" => value.is_string(),
            _ => {
                return bad_request(&format!(
                "Property '{key}' is read-only or does not exist on type 'microsoft.graph.device'."
            ))
            }
        };
        if !typed {
            return bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'Device'."
            ));
        }
        if request.caller.user.is_none() && !windows && !key.starts_with('@') {
            return denied();
        }
    }
    let device = &mut tenant.devices[index];
    for (key, value) in patch {
        match key.as_str() {
            "accountEnabled" => {
                device.account_enabled = value.as_bool().unwrap_or(device.account_enabled)
            }
            "displayName" => device.display_name = value.as_str().unwrap_or_default().to_string(),
            "operatingSystem" => device.operating_system = value.as_str().map(str::to_string),
            "operatingSystemVersion" => {
                device.operating_system_version = value.as_str().map(str::to_string)
            }
            _ => {}
        }
    }
    SimResponse::no_content()
}

pub(super) fn delete_device(tenant: &mut SimTenant, key: &str) -> SimResponse {
    let Some(index) = find_device(tenant, key) else {
        return not_found(key);
    };
    let id = tenant.devices[index].id;
    tenant.devices.remove(index);
    tenant.forget_in_administrative_units(id);
    for group in &mut tenant.groups {
        group.members.remove(&id);
    }
    SimResponse::no_content()
}

/// `GET /policies/deviceRegistrationPolicy` (graph/api/deviceregistrationpolicy-get), with the id,
/// name and description the resource page says it always has.
pub(super) fn device_registration_policy(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let mut policy = tenant.device_registration_policy.clone();
    policy["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#policies/deviceRegistrationPolicy/$entity",
        request.base_url
    ));
    policy["id"] = json!("deviceRegistrationPolicy");
    policy["displayName"] = json!("Device Registration Policy");
    policy["description"] = json!("Tenant-wide policy that manages intial provisioning controls using quota restrictions, additional authentication and authorization checks");
    SimResponse::json(200, policy)
}

const MEMBERSHIPS: &[&str] = &[
    "#microsoft.graph.allDeviceRegistrationMembership",
    "#microsoft.graph.noDeviceRegistrationMembership",
    "#microsoft.graph.enumeratedDeviceRegistrationMembership",
];

/// `PUT /policies/deviceRegistrationPolicy` (graph/api/deviceregistrationpolicy-update): the body
/// holds "all the updatable properties", each required; 200 with the policy. That Intune's being
/// on forbids changing azureADRegistration is not modelled.
pub(super) fn replace_device_registration_policy(
    tenant: &mut SimTenant,
    request: &SimRequest,
) -> SimResponse {
    let Some(Value::Object(body)) = &request.body else {
        return bad_request("A request body is required.");
    };
    let membership_ok = |m: &Value| {
        m["@odata.type"]
            .as_str()
            .is_some_and(|t| MEMBERSHIPS.contains(&t))
    };
    let checks: [(&str, bool); 5] = [
        (
            "userDeviceQuota",
            body.get("userDeviceQuota")
                .and_then(Value::as_i64)
                .is_some_and(|n| n >= 0),
        ),
        (
            "multiFactorAuthConfiguration",
            body.get("multiFactorAuthConfiguration")
                .and_then(Value::as_str)
                .is_some_and(|m| m == "notRequired" || m == "required"),
        ),
        (
            "azureADRegistration",
            body.get("azureADRegistration")
                .is_some_and(|r| membership_ok(&r["allowedToRegister"])),
        ),
        (
            "azureADJoin",
            body.get("azureADJoin")
                .is_some_and(|j| membership_ok(&j["allowedToJoin"])),
        ),
        (
            "localAdminPassword",
            body.get("localAdminPassword").is_some_and(Value::is_object),
        ),
    ];
    if let Some((property, _)) = checks.iter().find(|(_, fine)| !fine) {
        return bad_request(&format!(
            "Property '{property}' is required and must be valid for resource 'DeviceRegistrationPolicy'."
        ));
    }
    let mut stored = serde_json::Map::new();
    for (key, value) in body.iter().filter(|(k, _)| !k.starts_with('@')) {
        stored.insert(key.clone(), value.clone());
    }
    tenant.device_registration_policy = Value::Object(stored);
    device_registration_policy(tenant, request)
}
