//! What changed between two snapshots of a tenant: the summary `msol-bridge run` prints.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use uuid::Uuid;

use super::TenantSnapshot;
use crate::domain::roles;

/// One line of the summary, about one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The user principal name (or role name) the change is about.
    pub subject: String,
    /// What kind of change: the property's name, or `created`, `deleted for good`, `role membership`.
    pub kind: String,
    pub description: String,
}

/// How many objects each kind of change touched, by kind: what `run --summary` prints.
pub fn summary(changes: &[Change]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for change in changes {
        counts
            .entry(change.kind.as_str())
            .or_default()
            .insert(change.subject.as_str());
    }
    counts
        .into_iter()
        .map(|(kind, subjects)| (kind.to_string(), subjects.len()))
        .collect()
}

/// Users created, deleted, restored and changed (property by property), and role memberships
/// granted and revoked, in a stable order.
pub fn changes(before: &TenantSnapshot, after: &TenantSnapshot) -> Vec<Change> {
    let mut found = Vec::new();
    let old_users: BTreeMap<Uuid, Value> = users_by_id(before);
    let new_users: BTreeMap<Uuid, Value> = users_by_id(after);
    let name_of = |id: &Uuid| -> String {
        new_users
            .get(id)
            .or_else(|| old_users.get(id))
            .and_then(|u| u.get("UserPrincipalName"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| id.to_string())
    };
    for (id, new) in &new_users {
        match old_users.get(id) {
            None => found.push(Change {
                subject: name_of(id),
                kind: "created".to_string(),
                description: "created".to_string(),
            }),
            Some(old) => found.extend(user_changes(&name_of(id), old, new)),
        }
    }
    for id in old_users.keys().filter(|id| !new_users.contains_key(id)) {
        found.push(Change {
            subject: name_of(id),
            kind: "deleted for good".to_string(),
            description: "deleted for good".to_string(),
        });
    }
    let (old_roles, new_roles) = (role_assignments(before), role_assignments(after));
    let role_name = |id: Uuid| {
        roles::by_id(id)
            .map(|r| r.legacy_name.to_string())
            .unwrap_or_else(|| id.to_string())
    };
    for (role, member) in new_roles.difference(&old_roles) {
        found.push(Change {
            subject: name_of(member),
            kind: "role membership".to_string(),
            description: format!("added to role {}", role_name(*role)),
        });
    }
    for (role, member) in old_roles.difference(&new_roles) {
        found.push(Change {
            subject: name_of(member),
            kind: "role membership".to_string(),
            description: format!("removed from role {}", role_name(*role)),
        });
    }
    found.sort_by(|a, b| a.subject.cmp(&b.subject));
    found
}

/// (role, member) pairs.
fn role_assignments(snapshot: &TenantSnapshot) -> BTreeSet<(Uuid, Uuid)> {
    snapshot
        .role_assignments
        .iter()
        .map(|a| (a.role_object_id, a.member_object_id))
        .collect()
}

fn users_by_id(snapshot: &TenantSnapshot) -> BTreeMap<Uuid, Value> {
    snapshot
        .users
        .iter()
        .map(|u| {
            (
                u.object_id,
                serde_json::to_value(u).expect("users serialize"),
            )
        })
        .collect()
}

fn user_changes(subject: &str, old: &Value, new: &Value) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let mut found = Vec::new();
    for name in names {
        let (was, is) = (old.get(name), new.get(name));
        if was == is {
            continue;
        }
        let description = match name.as_str() {
            "SoftDeletionTimestamp" if is.is_some() => "moved to the recycle bin".to_string(),
            "SoftDeletionTimestamp" => "restored from the recycle bin".to_string(),
            _ => format!("{name}: {} -> {}", describe(name, was), describe(name, is)),
        };
        found.push(Change {
            subject: subject.to_string(),
            kind: name.to_string(),
            description,
        });
    }
    found
}

/// A short, readable rendering of a property value (lists of MFA objects by their meaning).
fn describe(name: &str, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "(none)".to_string();
    };
    match (name, value) {
        ("StrongAuthenticationRequirements", Value::Array(items)) if items.is_empty() => {
            "Disabled".to_string()
        }
        ("StrongAuthenticationRequirements", Value::Array(items)) => items
            .iter()
            .filter_map(|r| r.get("State").and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(", "),
        ("StrongAuthenticationMethods", Value::Array(items)) => {
            let methods: Vec<String> = items
                .iter()
                .map(|m| {
                    let kind = m.get("MethodType").and_then(Value::as_str).unwrap_or("?");
                    if m.get("IsDefault").and_then(Value::as_bool) == Some(true) {
                        format!("{kind} (default)")
                    } else {
                        kind.to_string()
                    }
                })
                .collect();
            format!("[{}]", methods.join(", "))
        }
        ("Licenses", Value::Array(items)) => format!(
            "[{}]",
            items
                .iter()
                .filter_map(|l| l.get("AccountSkuId").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (_, Value::String(text)) => text.clone(),
        (_, other) => {
            let text = other.to_string();
            if text.chars().count() > 80 {
                format!("{}...", text.chars().take(77).collect::<String>())
            } else {
                text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_counts_objects_per_kind_of_change() {
        let change = |subject: &str, kind: &str| Change {
            subject: subject.to_string(),
            kind: kind.to_string(),
            description: String::new(),
        };
        let changes = [
            change("a@x.com", "StrongAuthenticationRequirements"),
            change("b@x.com", "StrongAuthenticationRequirements"),
            change("b@x.com", "Title"),
            change("Helpdesk Administrator", "role membership"),
            change("Helpdesk Administrator", "role membership"),
        ];
        assert_eq!(
            summary(&changes),
            [
                ("StrongAuthenticationRequirements".to_string(), 2),
                ("Title".to_string(), 1),
                ("role membership".to_string(), 1)
            ]
        );
    }
    use crate::domain::model::{RequirementState, StrongAuthenticationRequirement};
    use crate::domain::time::Timestamp;
    use crate::tenant::demo::demo_tenant;

    #[test]
    fn an_unchanged_tenant_has_no_changes() {
        let tenant = demo_tenant(60, Timestamp::from_millis(1_750_000_000_000).unwrap());
        assert!(changes(&tenant, &tenant.clone()).is_empty());
    }

    #[test]
    fn names_a_requirement_change_by_state_and_a_new_user() {
        let before = demo_tenant(60, Timestamp::from_millis(1_750_000_000_000).unwrap());
        let mut after = before.clone();
        let alex = after
            .users
            .iter_mut()
            .find(|u| u.user_principal_name == "adm.alex.wilber@contoso.com")
            .unwrap();
        alex.strong_authentication_requirements = vec![StrongAuthenticationRequirement {
            relying_party: "*".to_string(),
            state: RequirementState::Enabled,
            remember_devices_not_issued_before: None,
        }];
        let mut extra = after.users[0].clone();
        extra.object_id = Uuid::from_u128(7);
        extra.user_principal_name = "new.person@contoso.com".to_string();
        after.users.push(extra);
        let found = changes(&before, &after);
        assert_eq!(
            found,
            vec![
                Change {
                    subject: "adm.alex.wilber@contoso.com".to_string(),
                    kind: "StrongAuthenticationRequirements".to_string(),
                    description: "StrongAuthenticationRequirements: Disabled -> Enabled"
                        .to_string(),
                },
                Change {
                    subject: "new.person@contoso.com".to_string(),
                    kind: "created".to_string(),
                    description: "created".to_string(),
                },
            ]
        );
    }
}
