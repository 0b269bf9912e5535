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
            tx.execute(
                "INSERT INTO service_principal_credentials (key_id, object_id, data) VALUES (?1, ?2, ?3)",
                params![
                    credential.key_id.to_string(),
                    id.to_string(),
                    to_json(&credential).map_err(Fault::Unexpected)?
                ],
            )
            .map_err(sql)?;
            Ok(Outcome::of(id, ["Credentials"]))
        })
    }
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
