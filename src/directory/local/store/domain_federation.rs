//! Federated domains in the local tenant: a domain's `Authentication` in its own row, and its
//! federation settings beside it while it is federated.

use super::company::{domains, save_domain};
use super::*;
use crate::domain::model::DomainFederationSettings;

impl Store {
    pub fn domain_federation(&self, name: &str) -> FaultResult<DomainFederationSettings> {
        self.read(|conn| {
            let domain = domain_rules::named(&domains(conn)?, name)?.name.clone();
            Ok(federation_of(conn, &domain)?.unwrap_or_default())
        })
    }

    pub fn set_domain_federation(
        &self,
        name: &str,
        settings: &DomainFederationSettings,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let domain = domain_rules::named(&domains(tx)?, name)?.name.clone();
            save_federation(tx, &domain, settings)?;
            Ok(Outcome::unnamed(changed))
        })
    }

    pub fn set_domain_authentication(
        &self,
        name: &str,
        settings: Option<&DomainFederationSettings>,
    ) -> FaultResult<Outcome> {
        self.write(|tx| {
            let mut domain = domain_rules::named(&domains(tx)?, name)?.clone();
            match settings {
                Some(settings) => {
                    domain.authentication = DomainAuthenticationType::Federated;
                    save_federation(tx, &domain.name, settings)?;
                }
                None => {
                    domain.authentication = DomainAuthenticationType::Managed;
                    tx.execute(
                        "DELETE FROM domain_federation WHERE domain = ?1",
                        [&domain.name],
                    )
                    .map_err(sql)?;
                }
            }
            save_domain(tx, &domain)?;
            Ok(Outcome::unnamed(["Authentication"]))
        })
    }
}

pub(super) fn federation_of(
    conn: &Connection,
    domain: &str,
) -> FaultResult<Option<DomainFederationSettings>> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM domain_federation WHERE domain = ?1",
            [domain],
            |row| row.get(0),
        )
        .optional()
        .map_err(sql)?;
    data.map(|d| from_json(&d)).transpose()
}

pub(super) fn save_federation(
    conn: &Connection,
    domain: &str,
    settings: &DomainFederationSettings,
) -> FaultResult<()> {
    conn.execute(
        "INSERT INTO domain_federation (domain, data) VALUES (?1, ?2) ON CONFLICT (domain) DO UPDATE SET data = excluded.data",
        params![domain, to_json(settings).map_err(Fault::Unexpected)?],
    )
    .map_err(sql)?;
    Ok(())
}
