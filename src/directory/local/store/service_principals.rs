//! Service principals and their credential keys in the local tenant.

use super::*;

impl Store {
    pub fn service_principals(&self) -> FaultResult<Vec<ServicePrincipal>> {
        self.read(|conn| {
            let mut statement = conn
                .prepare_cached("SELECT data FROM service_principals")
                .map_err(sql)?;
            let rows = statement
                .query_map([], |row| row.get::<_, String>(0))
                .map_err(sql)?;
            let mut principals = rows
                .map(|r| from_json::<ServicePrincipal>(&r.map_err(sql)?))
                .collect::<FaultResult<Vec<_>>>()?;
            principals.sort_by(|a, b| {
                (a.display_name.to_lowercase(), a.object_id)
                    .cmp(&(b.display_name.to_lowercase(), b.object_id))
            });
            Ok(principals)
        })
    }

    pub fn service_principal(&self, id: Uuid) -> FaultResult<ServicePrincipal> {
        self.read(|conn| load_service_principal(conn, id))
    }

    pub fn service_principal_credentials(
        &self,
        id: Uuid,
    ) -> FaultResult<Vec<ServicePrincipalCredential>> {
        self.read(|conn| {
            load_service_principal(conn, id)?;
            let mut statement = conn
                .prepare_cached(
                    "SELECT data FROM service_principal_credentials WHERE object_id = ?1 ORDER BY rowid",
                )
                .map_err(sql)?;
            let rows = statement
                .query_map([id.to_string()], |row| row.get::<_, String>(0))
                .map_err(sql)?;
            rows.map(|r| from_json(&r.map_err(sql)?)).collect()
        })
    }

    pub fn remove_service_principal_credentials(
        &self,
        id: Uuid,
        key_ids: &[Uuid],
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            load_service_principal(tx, id)?;
            for key in key_ids {
                tx.execute(
                    "DELETE FROM service_principal_credentials WHERE object_id = ?1 AND key_id = ?2",
                    params![id.to_string(), key.to_string()],
                )
                .map_err(sql)?;
            }
            Ok(Outcome::of(id, ["Credentials"]))
        })
    }

    pub fn add_service_principal_credential(
        &self,
        credential: ServicePrincipalCredential,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let id = credential.service_principal_object_id;
            load_service_principal(tx, id)?;
            save_credential(tx, &credential)?;
            Ok(Outcome::of(id, ["Credentials"]))
        })
    }

    /// A new service principal and its first credential, in one transaction. A symmetric key is
    /// recorded without its value (secrets are never kept), as New-MsolServicePrincipalCredential
    /// records one.
    pub fn new_service_principal(
        &self,
        request: NewPrincipal,
    ) -> FaultResult<CreatedServicePrincipal> {
        self.write(|tx| {
            let principal = ServicePrincipal {
                object_id: Uuid::new_v4(),
                ..request.principal
            };
            tx.execute(
                "INSERT INTO service_principals (object_id, data) VALUES (?1, ?2)",
                params![
                    principal.object_id.to_string(),
                    to_json(&principal).map_err(Fault::Unexpected)?
                ],
            )
            .map_err(sql)?;
            let credential = ServicePrincipalCredential {
                service_principal_object_id: principal.object_id,
                ..request.credential
            };
            save_credential(tx, &credential)?;
            Ok(CreatedServicePrincipal {
                principal,
                credentials: vec![credential],
                warnings: Vec::new(),
            })
        })
    }

    pub fn set_service_principal(
        &self,
        after: ServicePrincipal,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            load_service_principal(tx, after.object_id)?;
            tx.execute(
                "UPDATE service_principals SET data = ?2 WHERE object_id = ?1",
                params![
                    after.object_id.to_string(),
                    to_json(&after).map_err(Fault::Unexpected)?
                ],
            )
            .map_err(sql)?;
            Ok(Outcome::of(after.object_id, changed))
        })
    }

    pub fn remove_service_principal(&self, id: Uuid) -> FaultResult<Outcome> {
        self.write(|tx| {
            load_service_principal(tx, id)?;
            let id = id.to_string();
            for statement in [
                "DELETE FROM group_members WHERE member_id = ?1",
                "DELETE FROM role_members WHERE member_id = ?1",
                "DELETE FROM service_principals WHERE object_id = ?1",
            ] {
                tx.execute(statement, [&id]).map_err(sql)?;
            }
            Ok(Outcome::of(
                Uuid::parse_str(&id).unwrap_or_default(),
                ["ObjectId"],
            ))
        })
    }
}

fn save_credential(conn: &Connection, credential: &ServicePrincipalCredential) -> FaultResult<()> {
    conn.execute(
        "INSERT INTO service_principal_credentials (key_id, object_id, data) VALUES (?1, ?2, ?3)",
        params![
            credential.key_id.to_string(),
            credential.service_principal_object_id.to_string(),
            to_json(credential).map_err(Fault::Unexpected)?
        ],
    )
    .map_err(sql)?;
    Ok(())
}

fn load_service_principal(conn: &Connection, id: Uuid) -> FaultResult<ServicePrincipal> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM service_principals WHERE object_id = ?1",
            [id.to_string()],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    match data {
        Some(data) => from_json(&data),
        None => Err(Fault::ServicePrincipalNotFound(id.to_string())),
    }
}
