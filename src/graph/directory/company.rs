//! The company and its domains on Graph: `organization` and `domains`.

use super::*;

impl GraphDirectory {
    pub(super) async fn verified_domains(&self) -> FaultResult<Vec<String>> {
        Ok(self
            .domains()
            .await?
            .into_iter()
            .filter(|d| d.status == DomainStatus::Verified)
            .map(|d| d.name)
            .collect())
    }
}

#[async_trait]
impl CompanyDirectory for GraphDirectory {
    async fn company_information(&self) -> FaultResult<CompanyInformation> {
        let (org, domains) =
            tokio::try_join!(self.get(Version::V1, "/organization", None), self.domains())?;
        convert::company(&org["value"][0], &domains)
            .ok_or_else(|| Fault::Unexpected(anyhow::anyhow!("Graph returned no organization")))
    }

    async fn domains(&self) -> FaultResult<Vec<Domain>> {
        Ok(self
            .all_pages("/domains")
            .await?
            .iter()
            .filter_map(convert::domain)
            .collect())
    }
}
