//! The list filters of `Get-MsolUser`, `Get-MsolRoleMember`, `Get-MsolGroup` and friends, as predicates.

use super::model::{RequirementState, User};
use super::requests::{UserEnabledFilter, UserFilter};

fn equal(wanted: &Option<String>, actual: &Option<String>) -> bool {
    match wanted {
        None => true,
        Some(wanted) => actual
            .as_deref()
            .is_some_and(|a| a.eq_ignore_ascii_case(wanted.trim())),
    }
}

/// Case-insensitive prefix test of MSOnline's `-SearchString`.
pub fn starts_with(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// `-SearchString` for role members, groups and group members: a prefix of the name or address.
pub fn name_or_address_starts_with(
    name: Option<&str>,
    address: Option<&str>,
    search: Option<&str>,
) -> bool {
    let Some(search) = search.map(str::trim) else {
        return true;
    };
    name.is_some_and(|n| starts_with(n, search)) || address.is_some_and(|a| starts_with(a, search))
}

fn address_of(proxy: &str) -> &str {
    proxy.split_once(':').map_or(proxy, |(_, address)| address)
}

/// Prefix of the display name or of an email address (the UPN or a proxy address).
pub fn user_matches_search(user: &User, search: &str) -> bool {
    let search = search.trim();
    search.is_empty()
        || user
            .display_name
            .as_deref()
            .is_some_and(|n| starts_with(n, search))
        || starts_with(&user.user_principal_name, search)
        || user
            .proxy_addresses
            .iter()
            .any(|p| starts_with(address_of(p), search))
}

impl UserFilter {
    pub fn matches(&self, user: &User) -> bool {
        equal(&self.city, &user.city)
            && equal(&self.country, &user.country)
            && equal(&self.department, &user.department)
            && equal(&self.state, &user.state)
            && equal(&self.title, &user.title)
            && equal(&self.usage_location, &user.usage_location)
            && match self.enabled_filter {
                None | Some(UserEnabledFilter::All) => true,
                Some(UserEnabledFilter::EnabledOnly) => !user.block_credential,
                Some(UserEnabledFilter::DisabledOnly) => user.block_credential,
            }
            && (!self.synchronized || user.is_synchronized())
            && (!self.has_errors_only || !user.errors.is_empty())
            && (!self.license_reconciliation_needed_only || user.license_reconciliation_needed)
            && (!self.unlicensed_users_only || !user.is_licensed)
            && self
                .domain_name
                .as_deref()
                .is_none_or(|domain| has_address_in(user, domain))
            && self
                .search_string
                .as_deref()
                .is_none_or(|search| user_matches_search(user, search))
    }
}

/// Whether an address (a user principal name, or a proxy address such as `smtp:ana@contoso.com`)
/// is in `domain`.
pub fn address_in(domain: &str, address: &str) -> bool {
    address_of(address)
        .rsplit_once('@')
        .is_some_and(|(_, d)| d.eq_ignore_ascii_case(domain.trim()))
}

fn has_address_in(user: &User, domain: &str) -> bool {
    address_in(domain, &user.user_principal_name)
        || user.proxy_addresses.iter().any(|p| address_in(domain, p))
}

/// `Get-MsolUserByStrongAuthentication`'s requirement filter.
#[derive(Clone)]
pub struct StrongAuthenticationFilter {
    pub states: Vec<RequirementState>,
    pub unset_only: bool,
    pub search_string: Option<String>,
}

impl StrongAuthenticationFilter {
    pub fn matches(&self, user: &User) -> bool {
        let state = user.mfa_state();
        let by_state = if self.unset_only {
            state.is_none()
        } else if self.states.is_empty() {
            state.is_some()
        } else {
            state.is_some_and(|s| self.states.contains(&s))
        };
        by_state
            && self
                .search_string
                .as_deref()
                .is_none_or(|search| user_matches_search(user, search))
    }
}
