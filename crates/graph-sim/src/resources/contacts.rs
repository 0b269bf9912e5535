//! Organizational contacts (graph/api/orgcontact-list, orgcontact-get): read-only in Graph
//! (graph/api/resources/orgcontact).

use super::*;

/// The query options the simulator answers on `/contacts`; Graph documents `$count`,
/// `$expand`, `$filter`, `$orderby` and `$search` too, which are refused here rather than
/// ignored, so that a client relying on them learns the simulator cannot show it.
const NOT_SIMULATED: &[&str] = &["$filter", "$search", "$orderby", "$count", "$expand"];

pub(super) fn list_contacts(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    if let Some(option) = NOT_SIMULATED.iter().find(|o| request.param(o).is_some()) {
        return bad_request(&format!(
            "The Graph simulator does not implement {option} on contacts."
        ));
    }
    let contacts = &tenant.contacts;
    paged_collection(request, "contacts", contacts.len(), |range| {
        contacts[range]
            .iter()
            .map(|c| select(c.to_json(), request.param("$select"), None))
            .collect()
    })
}

pub(super) fn get_contact(tenant: &SimTenant, id: &str, request: &SimRequest) -> SimResponse {
    match tenant
        .contacts
        .iter()
        .find(|c| c.id.to_string().eq_ignore_ascii_case(id))
    {
        Some(contact) => SimResponse::json(
            200,
            select(contact.to_json(), request.param("$select"), None),
        ),
        None => not_found(id),
    }
}
