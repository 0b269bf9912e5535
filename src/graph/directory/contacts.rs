//! Mail contacts on Graph: `contacts`, Graph's organizational contacts (graph/api/orgcontact-list,
//! orgcontact-get), which Graph can only read.

use super::*;
use crate::domain::model::Contact;
use crate::graph::convert::CONTACT_SELECT;

#[async_trait]
impl ContactDirectory for GraphDirectory {
    async fn contacts(&self) -> FaultResult<Vec<Contact>> {
        Ok(self
            .all_pages(&format!("/contacts?$top=999&$select={CONTACT_SELECT}"))
            .await?
            .iter()
            .filter_map(convert::contact)
            .collect())
    }

    async fn contact(&self, id: Uuid) -> FaultResult<Contact> {
        match self
            .client
            .call(&Call::get(
                Version::V1,
                format!("/contacts/{id}?$select={CONTACT_SELECT}"),
            ))
            .await
        {
            Ok(reply) => {
                convert::contact(&reply.body).ok_or_else(|| Fault::ContactNotFound(id.to_string()))
            }
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::ContactNotFound(id.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}
