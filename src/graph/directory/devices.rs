//! Devices on Graph: `devices` (graph/api/device-list, device-get, device-update, device-delete),
//! addressed by `id` or by `deviceId` (`devices(deviceId='…')`). Owners come with
//! `$expand=registeredOwners`, which works for application callers too (a user's `ownedDevices`
//! does not); Graph cannot filter devices by owner, so the owner filter reads them all.

use super::*;
use crate::domain::devices::{self as device_rules, DeviceKey, DeviceQuery};
use crate::domain::model::{Device, DeviceRegistrationServicePolicy};
use crate::graph::convert::DEVICE_SELECT;

/// The page size of a listing that expands owners: UNCONFIRMED how large a page Graph allows
/// with `$expand` on devices, so the smaller one that directory objects take everywhere.
const EXPANDED_PAGE: usize = 100;

const OWNERS: &str = "$expand=registeredOwners($select=id,userPrincipalName)";

fn device_path(key: DeviceKey) -> String {
    match key {
        DeviceKey::ObjectId(id) => format!("/devices/{id}"),
        DeviceKey::DeviceId(id) => format!("/devices(deviceId='{id}')"),
    }
}

fn owned_by(object: &Value, owner: Uuid) -> bool {
    object["registeredOwners"].as_array().is_some_and(|owners| {
        owners
            .iter()
            .any(|o| o["id"].as_str().and_then(|id| Uuid::parse_str(id).ok()) == Some(owner))
    })
}

const REGISTRATION_POLICY: &str = "/policies/deviceRegistrationPolicy";

#[async_trait]
impl DeviceDirectory for GraphDirectory {
    async fn device_registration_policy(&self) -> FaultResult<DeviceRegistrationServicePolicy> {
        let policy = self.get(Version::V1, REGISTRATION_POLICY, None).await?;
        convert::device_registration_policy(&policy).ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "Microsoft Graph answered a deviceRegistrationPolicy the bridge cannot read"
            ))
        })
    }

    /// graph/api/deviceregistrationpolicy-update: a PUT of every updatable property ("If
    /// [userDeviceQuota] isn't specified during the policy update operation, it's automatically
    /// reset to 0"), so the policy is read and sent back whole with the changes; what MSOnline does
    /// not model (local administrators, LAPS, whether admins may configure it) goes back as read.
    /// A PUT is idempotent, so the client repeats it when an answer is lost.
    async fn set_device_registration_policy(
        &self,
        policy: DeviceRegistrationServicePolicy,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        let current = self.get(Version::V1, REGISTRATION_POLICY, None).await?;
        let mut join = current["azureADJoin"].clone();
        join["allowedToJoin"] = convert::registration_membership(
            policy.allowed_to_azure_ad_join,
            &policy.users,
            &policy.groups,
        );
        let mut registration = current["azureADRegistration"].clone();
        registration["allowedToRegister"] =
            convert::registration_membership(policy.allowed_to_workplace_join, &[], &[]);
        let body = json!({
            "userDeviceQuota": policy.maximum_devices_per_user,
            "multiFactorAuthConfiguration": if policy.require_multi_factor_auth { "required" } else { "notRequired" },
            "azureADRegistration": registration,
            "azureADJoin": join,
            "localAdminPassword": current["localAdminPassword"].clone(),
        });
        self.write(Call::put(Version::V1, REGISTRATION_POLICY, body), None)
            .await?;
        Ok(Outcome::unnamed(changed))
    }

    async fn devices(&self, query: &DeviceQuery) -> FaultResult<Vec<Device>> {
        let expand = query.with_owners || query.owner.is_some();
        let mut path = format!(
            "/devices?$select={DEVICE_SELECT}&$top={}",
            if expand { EXPANDED_PAGE } else { MAX_PAGE }
        );
        if expand {
            path.push('&');
            path.push_str(OWNERS);
        }
        // displayName eq is a default query on devices (graph/api/resources/device).
        if let Some(name) = query.name.as_deref() {
            let literal = format!("displayName eq '{}'", name.trim().replace('\'', "''"));
            path.push_str(&format!(
                "&$filter={}",
                msol_encoding::percent::encode(&literal, b",$/")
            ));
        }
        Ok(self
            .all_pages(&path)
            .await?
            .iter()
            .filter(|d| query.owner.is_none_or(|owner| owned_by(d, owner)))
            .filter_map(convert::device)
            .collect())
    }

    async fn device(&self, key: DeviceKey, with_owners: bool) -> FaultResult<Device> {
        let mut path = format!("{}?$select={DEVICE_SELECT}", device_path(key));
        if with_owners {
            path.push('&');
            path.push_str(OWNERS);
        }
        match self.client.call(&Call::get(Version::V1, path)).await {
            Ok(reply) => convert::device(&reply.body).ok_or_else(|| key.not_found()),
            Err(failure) if failure.status() == Some(404) => Err(key.not_found()),
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn set_device_enabled(&self, key: DeviceKey, enabled: bool) -> FaultResult<Outcome> {
        let device = self.device(key, false).await?;
        let Some(change) = device_rules::enabled_change(&device, enabled) else {
            return Ok(Outcome::of(device.object_id, Vec::<String>::new()));
        };
        let id = device.object_id;
        match self
            .client
            .call(&Call::patch(
                Version::V1,
                format!("/devices/{id}"),
                json!({"accountEnabled": enabled}),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, [change])),
            Err(GraphFailure::Uncertain(reason)) => {
                match self.device(DeviceKey::ObjectId(id), false).await {
                    Ok(now) if now.enabled == enabled => Ok(Outcome::of(id, [change])),
                    _ => Err(fault(GraphFailure::Uncertain(reason), None)),
                }
            }
            Err(failure) if failure.status() == Some(404) => Err(key.not_found()),
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_device(&self, key: DeviceKey) -> FaultResult<Outcome> {
        let id = self.device(key, false).await?.object_id;
        match self
            .client
            .call(&Call::delete(Version::V1, format!("/devices/{id}")))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["ObjectId"])),
            // Deleted meanwhile, or a lost answer: settled by whether the device is still there.
            Err(failure) if failure.status() == Some(404) => Ok(Outcome::of(id, ["ObjectId"])),
            Err(GraphFailure::Uncertain(reason)) => {
                match self.device(DeviceKey::ObjectId(id), false).await {
                    Err(Fault::DeviceNotFound(_)) => Ok(Outcome::of(id, ["ObjectId"])),
                    _ => Err(fault(GraphFailure::Uncertain(reason), None)),
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}
