//! Groups' rules, once for every backend: what New-MsolGroup creates, what Set-MsolGroup changes,
//! which groups can be changed at all, and who can be a member.
//!
//! MSOnline's New-, Set- and Remove-MsolGroup and its member cmdlets are documented for security
//! groups only. Graph agrees: mail-enabled security groups and distribution groups are read-only
//! through its API (graph/api/resources/groups-overview, "Group types in Microsoft Entra ID and
//! Microsoft Graph"), and groups synchronized from Active Directory are changed there.

use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{Group, GroupMemberType, GroupType, ValidationStatus};
use super::requests::{GroupMemberChangeParams, NewGroupParams, SetGroupParams};
use super::text::{optional_text as optional, required_display_name};

/// Refuses a change to a group that only Exchange Online or Active Directory can change.
pub fn check_changeable(group: &Group, field: &str) -> FaultResult<()> {
    if group.last_dir_sync_time.is_some() {
        return Err(Fault::NotSettable {
            field: field.to_string(),
            reason: format!(
                "The group {} ({}) is synchronized from on-premises Active Directory; change it there.",
                group.display_name, group.object_id
            ),
        });
    }
    if group.group_type != GroupType::Security {
        return Err(Fault::NotSettable {
            field: field.to_string(),
            reason: format!(
                "The group {} ({}) is a {:?} group; only security groups can be changed here. Change it in Exchange Online.",
                group.display_name, group.object_id, group.group_type
            ),
        });
    }
    Ok(())
}

/// The display name New-MsolGroup needs and Set-MsolGroup may not clear.
fn display_name(value: &str) -> FaultResult<String> {
    required_display_name(value, "A group")
}

/// The group New-MsolGroup creates: a security group, not mail-enabled. `owner` is the
/// ManagedBy user the backend resolved, shown by its ObjectId.
pub fn new_group(params: &NewGroupParams, id: Uuid, owner: Option<Uuid>) -> FaultResult<Group> {
    Ok(Group {
        object_id: id,
        display_name: display_name(params.display_name.as_deref().unwrap_or_default())?,
        common_name: None,
        description: params.description.as_deref().and_then(optional),
        email_address: None,
        group_type: GroupType::Security,
        is_system: false,
        last_dir_sync_time: None,
        managed_by: owner.map(|o| o.to_string()),
        proxy_addresses: Vec::new(),
        errors: Vec::new(),
        has_license_errors: false,
        dir_sync_provisioning_errors: Vec::new(),
        validation_status: ValidationStatus::Healthy,
    })
}

/// Applies Set-MsolGroup's given properties; answers the names of those that really changed.
/// `owner` is the resolved ManagedBy: `Some(None)` clears it, `None` leaves it.
pub fn apply_changes(
    group: &mut Group,
    params: &SetGroupParams,
    owner: Option<Option<Uuid>>,
) -> FaultResult<Vec<&'static str>> {
    let mut changed = Vec::new();
    if params.display_name.is_some() || params.description.is_some() || owner.is_some() {
        let field = if params.display_name.is_some() {
            "DisplayName"
        } else if params.description.is_some() {
            "Description"
        } else {
            "ManagedBy"
        };
        check_changeable(group, field)?;
    }
    if let Some(name) = &params.display_name {
        let name = display_name(name)?;
        if name != group.display_name {
            group.display_name = name;
            changed.push("DisplayName");
        }
    }
    if let Some(description) = &params.description {
        let description = optional(description);
        if description != group.description {
            group.description = description;
            changed.push("Description");
        }
    }
    if let Some(owner) = owner {
        let owner = owner.map(|o| o.to_string());
        if owner != group.managed_by {
            group.managed_by = owner;
            changed.push("ManagedBy");
        }
    }
    Ok(changed)
}

/// The member type a change names: `User` unless given; only users and groups can be members
/// (MSOnline's Add-MsolGroupMember documents "Valid values are: User and Group").
pub fn member_type(params: &GroupMemberChangeParams) -> FaultResult<GroupMemberType> {
    match params.group_member_type.unwrap_or(GroupMemberType::User) {
        kind @ (GroupMemberType::User | GroupMemberType::Group) => {
            if kind == GroupMemberType::Group
                && params.group_member_object_id == params.group_object_id
            {
                return Err(Fault::invalid(
                    "GroupMemberObjectId",
                    "A group cannot be a member of itself.",
                ));
            }
            Ok(kind)
        }
        other => Err(Fault::invalid_choice(
            "GroupMemberType",
            format!("{other:?} cannot be a member of a security group."),
            &["User", "Group"],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group() -> Group {
        new_group(
            &NewGroupParams {
                display_name: Some(" Finance ".into()),
                ..Default::default()
            },
            Uuid::nil(),
            None,
        )
        .unwrap()
    }

    #[test]
    fn a_new_group_is_a_security_group_with_a_trimmed_name() {
        let g = group();
        assert_eq!(g.display_name, "Finance");
        assert_eq!(g.group_type, GroupType::Security);
        let refused = new_group(&NewGroupParams::default(), Uuid::nil(), None).unwrap_err();
        assert_eq!(refused.code(), "RequiredPropertyNotSetException");
    }

    #[test]
    fn only_real_changes_are_reported_and_an_empty_description_clears() {
        let mut g = group();
        g.description = Some("old".into());
        let params = SetGroupParams {
            display_name: Some("Finance".into()),
            description: Some(String::new()),
            ..Default::default()
        };
        assert_eq!(
            apply_changes(&mut g, &params, None).unwrap(),
            ["Description"]
        );
        assert_eq!(g.description, None);
    }

    #[test]
    fn synchronized_and_mail_enabled_groups_are_refused() {
        let params = SetGroupParams {
            description: Some("x".into()),
            ..Default::default()
        };
        let mut synced = group();
        synced.last_dir_sync_time = Some(crate::domain::time::Timestamp::now());
        assert_eq!(
            apply_changes(&mut synced, &params, None)
                .unwrap_err()
                .code(),
            "PropertyNotSettableException"
        );
        let mut list = group();
        list.group_type = GroupType::DistributionList;
        assert!(apply_changes(&mut list, &params, None).is_err());
    }

    #[test]
    fn members_are_users_or_other_groups() {
        let mut params = GroupMemberChangeParams {
            group_object_id: Uuid::from_u128(1),
            group_member_object_id: Uuid::from_u128(2),
            ..Default::default()
        };
        assert_eq!(member_type(&params).unwrap(), GroupMemberType::User);
        params.group_member_type = Some(GroupMemberType::Contact);
        assert_eq!(
            member_type(&params).unwrap_err().allowed(),
            ["User", "Group"]
        );
        params.group_member_type = Some(GroupMemberType::Group);
        params.group_member_object_id = params.group_object_id;
        assert!(member_type(&params).is_err());
    }
}
