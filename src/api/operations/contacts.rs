//! Mail contacts: the handlers.
#![allow(non_snake_case)]

use super::*;
use crate::directory::Page;
use crate::domain::contacts;

/// MSOnline's default cap for Get-MsolContact.
const CONTACT_CAP: u32 = 500;

pub async fn GetContact(
    p: GetContactParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<Contact>> {
    check_tenant(p.tenant_id, directory).await?;
    if let Some(id) = p.object_id {
        return Ok(ListPage::one(directory.contact(id).await?));
    }
    let search = p.search_string.clone();
    let has_errors_only = p.has_errors_only;
    paging::list(&p.list, CONTACT_CAP, |page| {
        let search = search.clone();
        async move {
            let mut matching: Vec<Contact> = directory
                .contacts()
                .await?
                .into_iter()
                .filter(|c| contacts::listed(c, search.as_deref(), has_errors_only))
                .collect();
            contacts::sort(&mut matching);
            Ok(Page::slice(matching, &page))
        }
    })
    .await
}
