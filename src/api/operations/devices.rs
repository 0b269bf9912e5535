//! Devices: the handlers.
#![allow(non_snake_case)]

use super::*;
use crate::directory::Page;
use crate::domain::devices::{self, DeviceKey, DeviceQuery};
use crate::domain::requests::UserRef;

pub async fn GetDevice(
    p: GetDeviceParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<Device>> {
    check_tenant(p.tenant_id, directory).await?;
    let named = [
        ("ObjectId", p.object_id.is_some()),
        ("DeviceId", p.device_id.is_some()),
        ("Name", p.name.is_some()),
        ("RegisteredOwnerUpn", p.registered_owner_upn.is_some()),
    ];
    let given: Vec<&str> = named
        .iter()
        .filter(|(_, set)| *set)
        .map(|(n, _)| *n)
        .collect();
    let listing = p.list.all || p.logon_time_before.is_some();
    if given.len() > 1 || (!given.is_empty() && listing) {
        let mut all = given.clone();
        if p.list.all {
            all.push("All");
        }
        if p.logon_time_before.is_some() {
            all.push("LogonTimeBefore");
        }
        return Err(Fault::invalid(
            all[1],
            format!(
                "Get-MsolDevice takes one of ObjectId, DeviceId, Name, RegisteredOwnerUpn, or All (with LogonTimeBefore, ReturnRegisteredOwners, IncludeSystemManagedDevices); {} were given together.",
                all.join(", ")
            ),
        ));
    }
    if p.include_system_managed_devices && !p.list.all {
        return Err(Fault::invalid(
            "IncludeSystemManagedDevices",
            "IncludeSystemManagedDevices goes with All.",
        ));
    }
    if let Some(key) = p
        .object_id
        .map(DeviceKey::ObjectId)
        .or(p.device_id.map(DeviceKey::DeviceId))
    {
        return Ok(ListPage::one(
            directory.device(key, p.return_registered_owners).await?,
        ));
    }
    let owner = match p.registered_owner_upn.as_deref() {
        Some(owner) => Some(owner_id(directory, owner).await?),
        None => None,
    };
    if given.is_empty() && !listing {
        return Err(Fault::Required {
            field: "Name".to_string(),
            reason: "Name the device with ObjectId, DeviceId, Name or RegisteredOwnerUpn, or list devices with All or LogonTimeBefore.".to_string(),
        });
    }
    let query = DeviceQuery {
        name: p.name.clone(),
        logon_time_before: p.logon_time_before,
        owner,
        with_owners: p.return_registered_owners || owner.is_some(),
        exclude_system_managed: p.list.all && !p.include_system_managed_devices,
    };
    // Device listings are whole: Get-MsolDevice has no MaxResults and no cap.
    let list = ListParams {
        all: true,
        max_results: None,
        ..p.list.clone()
    };
    paging::list(&list, u32::MAX, |page| {
        let query = query.clone();
        async move {
            let mut matching: Vec<Device> = directory
                .devices(&query)
                .await?
                .into_iter()
                .filter(|d| devices::listed(d, &query))
                .collect();
            devices::sort(&mut matching);
            Ok(Page::slice(matching, &page))
        }
    })
    .await
}

/// The user `-RegisteredOwnerUpn` names, by user principal name or ObjectId (the parameter took
/// either).
async fn owner_id(directory: &dyn Directory, owner: &str) -> FaultResult<Uuid> {
    let user = match Uuid::parse_str(owner.trim()) {
        Ok(id) => UserRef {
            object_id: Some(id),
            user_principal_name: None,
        },
        Err(_) => UserRef {
            object_id: None,
            user_principal_name: Some(owner.trim().to_string()),
        },
    };
    Ok(directory.get_user(&user, false).await?.object_id)
}

pub async fn EnableDevice(
    p: DeviceChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    set_enabled(p, directory, true).await
}

pub async fn DisableDevice(
    p: DeviceChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    set_enabled(p, directory, false).await
}

async fn set_enabled(
    p: DeviceChangeParams,
    directory: &dyn Directory,
    enabled: bool,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory
        .set_device_enabled(DeviceKey::of(p.device_id, p.object_id)?, enabled)
        .await
}

pub async fn RemoveDevice(
    p: DeviceChangeParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    directory
        .remove_device(DeviceKey::of(p.device_id, p.object_id)?)
        .await
}

pub async fn GetDeviceRegistrationServicePolicy(
    p: TenantParams,
    directory: &dyn Directory,
) -> FaultResult<DeviceRegistrationServicePolicy> {
    check_tenant(p.tenant_id, directory).await?;
    directory.device_registration_policy().await
}

pub async fn SetDeviceRegistrationServicePolicy(
    p: SetDeviceRegistrationServicePolicyParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let mut policy = directory.device_registration_policy().await?;
    let (changed, warnings) = devices::apply_registration_policy(&mut policy, &p)?;
    let mut outcome = if changed.is_empty() {
        Outcome::unnamed(Vec::<String>::new())
    } else {
        directory
            .set_device_registration_policy(policy, changed)
            .await?
    };
    outcome.warnings.extend(warnings);
    Ok(outcome)
}
