//! The company and its domains in the local tenant.

use super::*;

impl Store {
    pub fn company_information(&self) -> FaultResult<CompanyInformation> {
        self.read(company)
    }

    pub fn domains(&self) -> FaultResult<Vec<Domain>> {
        self.read(domains)
    }
}

pub(super) fn company(conn: &Connection) -> FaultResult<CompanyInformation> {
    let data: String = conn
        .query_row("SELECT data FROM company WHERE id = 1", [], |row| {
            row.get(0)
        })
        .optional()
        .map_err(sql)?
        .ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "the tenant file holds no tenant: run 'msol-bridge tenant init'"
            ))
        })?;
    from_json(&data)
}

pub(super) fn domains(conn: &Connection) -> FaultResult<Vec<Domain>> {
    let mut statement = conn
        .prepare_cached("SELECT data FROM domains ORDER BY name")
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .map_err(sql)?;
    rows.map(|r| from_json(&r.map_err(sql)?)).collect()
}

pub(super) fn verified_domain_names(conn: &Connection) -> FaultResult<Vec<String>> {
    Ok(domains(conn)?
        .into_iter()
        .filter(|d| d.status == DomainStatus::Verified)
        .map(|d| d.name)
        .collect())
}
