//! Devices in the local tenant, with their registered owners (by ObjectId, so that a changed user
//! principal name shows at once).

use super::*;
use crate::domain::devices::default_registration_policy;
use crate::domain::devices::{DeviceKey, DeviceQuery};
use crate::domain::model::{Device, DeviceRegistrationServicePolicy};

impl Store {
    pub fn devices(&self, query: &DeviceQuery) -> FaultResult<Vec<Device>> {
        self.read(|conn| {
            let mut statement = conn
                .prepare_cached(
                    "SELECT data FROM devices WHERE (?1 IS NULL OR display_name = ?1 COLLATE NOCASE)
                     AND (?2 IS NULL OR object_id IN (SELECT device_id FROM device_owners WHERE user_id = ?2))
                     ORDER BY display_name, object_id",
                )
                .map_err(sql)?;
            let rows = statement
                .query_map(
                    params![
                        query.name.as_deref().map(str::trim),
                        query.owner.map(|o| o.to_string())
                    ],
                    |row| row.get::<_, String>(0),
                )
                .map_err(sql)?;
            let mut devices = rows
                .map(|r| from_json::<Device>(&r.map_err(sql)?))
                .collect::<FaultResult<Vec<Device>>>()?;
            if query.with_owners {
                for device in &mut devices {
                    device.registered_owners = owner_names(conn, device.object_id)?;
                }
            }
            Ok(devices)
        })
    }

    pub fn device(&self, key: DeviceKey, with_owners: bool) -> FaultResult<Device> {
        self.read(|conn| {
            let mut device = existing_device(conn, key)?;
            if with_owners {
                device.registered_owners = owner_names(conn, device.object_id)?;
            }
            Ok(device)
        })
    }

    pub fn set_device_enabled(&self, key: DeviceKey, enabled: bool) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut device = existing_device(tx, key)?;
            let changed: Vec<&str> = device_rules::enabled_change(&device, enabled)
                .into_iter()
                .collect();
            if !changed.is_empty() {
                device.enabled = enabled;
                tx.execute(
                    "UPDATE devices SET data = ?2 WHERE object_id = ?1",
                    params![
                        device.object_id.to_string(),
                        to_json(&device).map_err(Fault::Unexpected)?
                    ],
                )
                .map_err(sql)?;
            }
            Ok(Outcome::of(device.object_id, changed))
        })
    }

    pub fn remove_device(&self, key: DeviceKey) -> FaultResult<Outcome> {
        self.write(|tx| {
            let device = existing_device(tx, key)?;
            forget_unit_memberships(tx, device.object_id)?;
            tx.execute(
                "DELETE FROM devices WHERE object_id = ?1",
                [device.object_id.to_string()],
            )
            .map_err(sql)?;
            Ok(Outcome::of(device.object_id, ["ObjectId"]))
        })
    }
}

impl Store {
    pub fn device_registration_policy(&self) -> FaultResult<DeviceRegistrationServicePolicy> {
        self.read(registration_policy)
    }

    pub fn set_device_registration_policy(
        &self,
        policy: &DeviceRegistrationServicePolicy,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            save_setting(tx, REGISTRATION_POLICY, policy)?;
            Ok(Outcome::unnamed(changed))
        })
    }
}

/// The table of the device registration policy.
pub(super) const REGISTRATION_POLICY: &str = "device_registration_policy";

/// The stored policy, or a new tenant's.
fn registration_policy(conn: &Connection) -> FaultResult<DeviceRegistrationServicePolicy> {
    Ok(stored_setting(conn, REGISTRATION_POLICY)?.unwrap_or_else(default_registration_policy))
}

pub(super) fn existing_device(conn: &Connection, key: DeviceKey) -> FaultResult<Device> {
    let (column, id) = match key {
        DeviceKey::ObjectId(id) => ("object_id", id),
        DeviceKey::DeviceId(id) => ("device_id", id),
    };
    let data: Option<String> = conn
        .query_row(
            &format!("SELECT data FROM devices WHERE {column} = ?1"),
            [id.to_string()],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    match data {
        Some(data) => from_json(&data),
        None => Err(key.not_found()),
    }
}

/// The user principal names of a device's owners (users in the recycle bin are not listed).
fn owner_names(conn: &Connection, device: Uuid) -> FaultResult<Vec<String>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT u.upn FROM device_owners o JOIN users u ON u.object_id = o.user_id
             WHERE o.device_id = ?1 AND u.deleted = 0 ORDER BY u.upn",
        )
        .map_err(sql)?;
    let rows = statement
        .query_map([device.to_string()], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    rows.map(|r| r.map_err(sql)).collect()
}

/// Stores a device of a tenant file; its RegisteredOwners are user principal names of `users`
/// (the snapshot's check made sure), kept as ObjectIds.
pub(super) fn save_device(
    conn: &Connection,
    device: &Device,
    owner_ids: &[Uuid],
) -> FaultResult<()> {
    let stored = Device {
        registered_owners: Vec::new(),
        ..device.clone()
    };
    conn.execute(
        "INSERT INTO devices (object_id, device_id, display_name, data) VALUES (?1, ?2, ?3, ?4)",
        params![
            device.object_id.to_string(),
            device.device_id.to_string(),
            device.display_name,
            to_json(&stored).map_err(Fault::Unexpected)?
        ],
    )
    .map_err(sql)?;
    for owner in owner_ids {
        conn.execute(
            "INSERT OR IGNORE INTO device_owners (device_id, user_id) VALUES (?1, ?2)",
            params![device.object_id.to_string(), owner.to_string()],
        )
        .map_err(sql)?;
    }
    Ok(())
}

/// Every device with its owners' user principal names, for `tenant export`.
pub(super) fn all_devices(conn: &Connection) -> FaultResult<Vec<Device>> {
    let mut statement = conn
        .prepare("SELECT data FROM devices ORDER BY display_name, object_id")
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    let mut devices = rows
        .map(|r| from_json::<Device>(&r.map_err(sql)?))
        .collect::<FaultResult<Vec<Device>>>()?;
    for device in &mut devices {
        device.registered_owners = owner_names(conn, device.object_id)?;
    }
    Ok(devices)
}
