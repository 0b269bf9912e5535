//! The behaviour every `Directory` backend must show, as one suite any backend's tests call.
//!
//! Each check takes a directory holding a fresh tenant (`msol-bridge tenant init` defaults:
//! contoso.onmicrosoft.com, ENTERPRISEPACK with 25 units) with `add_samples`' contacts, devices
//! and a verified custom domain
//! (no backend creates either), and uses users of its own, so the checks can run one after another
//! on the same tenant. A failed check panics with what differed.

use crate::directory::{Directory, MemberQuery, MemberRef, PageRequest, UserQuery};
use crate::domain::model::{
    CredentialType, CredentialUsage, GroupMemberType, GroupType, MethodType, PasswordPolicy,
    RequirementState, RoleMemberType, StrongAuthenticationMethod, StrongAuthenticationRequirement,
    SubscriptionStatus,
};
use crate::domain::requests::{
    GroupMemberChangeParams, NewGroupParams, NewUserParams, RemoveUserParams, RestoreUserParams,
    SetGroupParams, SetUserLicenseParams, SetUserParams, SetUserPasswordParams,
    SetUserPrincipalNameParams, UserChanges, UserFilter, UserRef,
};
use crate::domain::roles::COMPANY_ADMINISTRATOR;
use crate::domain::time::Timestamp;
use uuid::Uuid;

pub const DOMAIN: &str = "contoso.onmicrosoft.com";

fn upn(alias: &str) -> String {
    format!("{alias}@{DOMAIN}")
}

async fn create(directory: &dyn Directory, alias: &str, properties: UserChanges) -> uuid::Uuid {
    let params = NewUserParams {
        user_principal_name: upn(alias),
        properties: UserChanges {
            display_name: Some(alias.replace('.', " ")),
            ..properties
        },
        ..Default::default()
    };
    directory
        .new_user(params)
        .await
        .unwrap_or_else(|f| panic!("creating {alias}: {f}"))
        .user
        .object_id
}

async fn set(
    directory: &dyn Directory,
    alias: &str,
    changes: UserChanges,
) -> Result<Vec<String>, crate::domain::fault::Fault> {
    let params = SetUserParams {
        user_principal_name: Some(upn(alias)),
        changes,
        ..Default::default()
    };
    directory.set_user(params).await.map(|o| o.changed)
}

fn requirement(state: RequirementState) -> Vec<StrongAuthenticationRequirement> {
    vec![StrongAuthenticationRequirement {
        relying_party: "*".into(),
        state,
        remember_devices_not_issued_before: None,
    }]
}

fn sms() -> Vec<StrongAuthenticationMethod> {
    vec![StrongAuthenticationMethod {
        method_type: MethodType::OneWaySms,
        is_default: true,
    }]
}

/// The stored user with this alias; it must exist.
async fn read(directory: &dyn Directory, alias: &str) -> crate::domain::model::User {
    directory
        .get_user(&UserRef::by_upn(upn(alias)), false)
        .await
        .unwrap_or_else(|f| panic!("reading {alias}: {f}"))
}

/// Every user a query lists, page by page as a streaming client asks for them, and how many
/// pages that took. No page may hold more than `size`.
pub async fn list_everything(
    directory: &dyn Directory,
    query: &UserQuery,
    size: usize,
) -> (Vec<crate::domain::model::User>, usize) {
    let mut cursor = None;
    let mut users = Vec::new();
    let mut pages = 0;
    loop {
        let page = directory
            .list_users(query, PageRequest { cursor, size })
            .await
            .unwrap_or_else(|f| panic!("listing page {}: {f}", pages + 1));
        assert!(
            page.items.len() <= size,
            "a page of {size} held {}",
            page.items.len()
        );
        pages += 1;
        users.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return (users, pages),
        }
    }
}

/// Runs every check in order.
pub async fn run_all(directory: &dyn Directory) {
    users_are_created_read_and_found_case_insensitively(directory).await;
    only_real_changes_are_written(directory).await;
    per_user_mfa_states(directory).await;
    phone_methods_need_phones(directory).await;
    clearing_methods_keeps_the_requirement(directory).await;
    deleted_users_restore_within_the_window(directory).await;
    licences_need_a_usage_location_and_free_units(directory).await;
    roles_take_members_by_either_name(directory).await;
    security_groups_are_created_changed_filled_and_removed(directory).await;
    contacts_come_back_whole(directory).await;
    devices_are_listed_found_switched_and_removed(directory).await;
    administrative_units_hold_members_and_scoped_roles(directory).await;
    directory_settings_are_made_changed_and_removed(directory).await;
    domains_are_federated_and_made_managed_again(directory).await;
    synchronization_conflicts_are_found(directory).await;
    directory_synchronization_turns_on_and_off_once(directory).await;
    password_policies_start_unset_and_change_only_when_different(directory).await;
    subscriptions_stand_behind_the_licences(directory).await;
    service_principals_are_found_and_take_certificates(directory).await;
    service_principals_are_created_changed_and_removed(directory).await;
    domains_are_added_and_wait_for_their_record(directory).await;
    company_settings_change_only_when_different(directory).await;
    listing_pages_through_everything(directory).await;
    the_user_count_is_what_a_whole_listing_returns(directory).await;
    passwords_and_user_principal_names(directory).await;
}

/// The checks whose Graph APIs only a Global Administrator signed in as a user may call (on Graph
/// the suite's application cannot run them).
pub async fn run_as_global_administrator(directory: &dyn Directory) {
    synchronization_features_change_once(directory).await;
}

pub async fn synchronization_features_change_once(directory: &dyn Directory) {
    use crate::domain::dir_sync_features::{self, defaults};
    use crate::domain::model::{DeletionPreventionType, DirSyncConfiguration, DirSyncFeature};
    assert_eq!(
        directory.dir_sync_settings().await.unwrap(),
        defaults(),
        "a new tenant's settings"
    );
    let outcome = directory
        .set_dir_sync_feature(
            DirSyncFeature::BlockCloudObjectTakeoverThroughHardMatch,
            true,
        )
        .await
        .unwrap();
    assert_eq!(
        outcome.changed,
        ["BlockCloudObjectTakeoverThroughHardMatch"]
    );
    let after = directory.dir_sync_settings().await.unwrap();
    assert_eq!(
        after,
        dir_sync_features::with_feature(
            &defaults(),
            DirSyncFeature::BlockCloudObjectTakeoverThroughHardMatch,
            true
        ),
        "only that feature changed"
    );
    let guard = DirSyncConfiguration {
        accidental_deletion_threshold: 20,
        deletion_prevention_type: DeletionPreventionType::EnabledForPercentage,
    };
    directory.set_dir_sync_configuration(guard).await.unwrap();
    let read = directory.dir_sync_settings().await.unwrap();
    assert_eq!(read.configuration, guard);
    assert_eq!(
        read.features, after.features,
        "the guard leaves the features alone"
    );
}

pub async fn users_are_created_read_and_found_case_insensitively(directory: &dyn Directory) {
    let id = create(
        directory,
        "conf.read",
        UserChanges {
            city: Some("Redmond".into()),
            ..Default::default()
        },
    )
    .await;
    let by_upn = directory
        .get_user(&UserRef::by_upn(upn("CONF.READ")), false)
        .await
        .expect("found by UPN in any case");
    assert_eq!(by_upn.object_id, id);
    assert_eq!(by_upn.city.as_deref(), Some("Redmond"));
    assert!(
        by_upn.strong_authentication_requirements.is_empty()
            && by_upn.strong_authentication_methods.is_empty()
    );
    let missing = directory
        .get_user(&UserRef::by_upn(upn("nobody")), false)
        .await
        .expect_err("missing user");
    assert_eq!(
        missing.to_string(),
        format!("User Not Found.  User: {}.", upn("nobody"))
    );
    let conflict = UserRef {
        object_id: Some(id),
        user_principal_name: Some(upn("someone.else")),
    };
    assert_eq!(
        directory
            .get_user(&conflict, false)
            .await
            .expect_err("mismatched identity")
            .code(),
        "PropertyValidationException"
    );
    let again = NewUserParams {
        user_principal_name: upn("conf.read"),
        properties: UserChanges {
            display_name: Some("x".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(
        directory
            .new_user(again)
            .await
            .expect_err("duplicate")
            .code(),
        "UserAlreadyExistsException"
    );
}

pub async fn only_real_changes_are_written(directory: &dyn Directory) {
    create(
        directory,
        "conf.changes",
        UserChanges {
            department: Some("Sales".into()),
            ..Default::default()
        },
    )
    .await;
    let stored = read(directory, "conf.changes").await;
    // A piped user re-binds everything it carries: nothing differs, so nothing is written.
    let piped = UserChanges {
        display_name: stored.display_name.clone(),
        department: stored.department.clone(),
        last_password_change_timestamp: stored.last_password_change_timestamp,
        strong_authentication_methods: Some(stored.strong_authentication_methods.clone()),
        strong_authentication_requirements: Some(stored.strong_authentication_requirements.clone()),
        ..Default::default()
    };
    assert_eq!(
        set(directory, "conf.changes", piped).await.unwrap(),
        Vec::<String>::new()
    );
    let changed = set(
        directory,
        "conf.changes",
        UserChanges {
            department: Some("Legal".into()),
            title: Some("".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(changed, vec!["Department".to_string()]);
    let timestamp = crate::domain::time::Timestamp::parse("2001-01-01T00:00:00Z");
    let read_only = set(
        directory,
        "conf.changes",
        UserChanges {
            last_password_change_timestamp: timestamp,
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        read_only.expect_err("read-only").code(),
        "PropertyNotSettableException"
    );
}

pub async fn per_user_mfa_states(directory: &dyn Directory) {
    create(
        directory,
        "conf.mfa",
        UserChanges {
            mobile_phone: Some("+1 425 555 0101".into()),
            ..Default::default()
        },
    )
    .await;
    set(
        directory,
        "conf.mfa",
        UserChanges {
            strong_authentication_requirements: Some(requirement(RequirementState::Enabled)),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let user = read(directory, "conf.mfa").await;
    assert_eq!(user.mfa_state(), Some(RequirementState::Enabled));
    assert_eq!(
        user.strong_authentication_requirements[0].relying_party,
        "*"
    );
    // Registering a method turns Enabled into Enforced.
    set(
        directory,
        "conf.mfa",
        UserChanges {
            strong_authentication_methods: Some(sms()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let user = read(directory, "conf.mfa").await;
    assert_eq!(user.mfa_state(), Some(RequirementState::Enforced));
    assert_eq!(
        user.strong_authentication_user_details
            .unwrap()
            .phone_number
            .as_deref(),
        Some("+1 4255550101")
    );
    // @() disables MFA and keeps the methods.
    set(
        directory,
        "conf.mfa",
        UserChanges {
            strong_authentication_requirements: Some(vec![]),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let user = read(directory, "conf.mfa").await;
    assert!(user.strong_authentication_requirements.is_empty());
    // A mobile phone may read back as both OneWaySMS and TwoWayVoiceMobile (Graph registers the
    // phone, not the method); the default is the one that was set.
    let default = user
        .strong_authentication_methods
        .iter()
        .find(|m| m.is_default);
    assert_eq!(default.map(|m| m.method_type), Some(MethodType::OneWaySms));
    // Enabling a registered user reads back Enforced.
    set(
        directory,
        "conf.mfa",
        UserChanges {
            strong_authentication_requirements: Some(requirement(RequirementState::Enabled)),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let user = read(directory, "conf.mfa").await;
    assert_eq!(user.mfa_state(), Some(RequirementState::Enforced));
}

pub async fn phone_methods_need_phones(directory: &dyn Directory) {
    create(directory, "conf.nophone", UserChanges::default()).await;
    let refused = set(
        directory,
        "conf.nophone",
        UserChanges {
            strong_authentication_methods: Some(sms()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        refused.expect_err("no mobile phone").field(),
        Some("MobilePhone")
    );
    let national = set(
        directory,
        "conf.nophone",
        UserChanges {
            mobile_phone: Some("425 555 0100".into()),
            strong_authentication_methods: Some(sms()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        national.expect_err("no country code").field(),
        Some("MobilePhone")
    );
    let user = read(directory, "conf.nophone").await;
    assert!(
        user.mobile_phone.is_none() && user.strong_authentication_methods.is_empty(),
        "a refused request changes nothing"
    );
    let app = set(
        directory,
        "conf.nophone",
        UserChanges {
            strong_authentication_methods: Some(vec![StrongAuthenticationMethod {
                method_type: MethodType::PhoneAppNotification,
                is_default: true,
            }]),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        app.expect_err("no registered app").code(),
        "PropertyValidationException"
    );
}

pub async fn clearing_methods_keeps_the_requirement(directory: &dyn Directory) {
    create(
        directory,
        "conf.reset",
        UserChanges {
            mobile_phone: Some("+44 20 7946 0000".into()),
            ..Default::default()
        },
    )
    .await;
    set(
        directory,
        "conf.reset",
        UserChanges {
            strong_authentication_methods: Some(sms()),
            strong_authentication_requirements: Some(requirement(RequirementState::Enforced)),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let outcome = directory
        .reset_strong_authentication(&UserRef::by_upn(upn("conf.reset")))
        .await
        .unwrap();
    assert_eq!(
        outcome.changed,
        vec!["StrongAuthenticationMethods".to_string()]
    );
    let user = read(directory, "conf.reset").await;
    assert!(user.strong_authentication_methods.is_empty());
    assert_eq!(user.mfa_state(), Some(RequirementState::Enforced));
}

pub async fn deleted_users_restore_within_the_window(directory: &dyn Directory) {
    let id = create(directory, "conf.deleted", UserChanges::default()).await;
    directory
        .remove_user(RemoveUserParams {
            user_principal_name: Some(upn("conf.deleted")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        directory
            .get_user(&UserRef::by_id(id), false)
            .await
            .err()
            .unwrap()
            .code(),
        "UserNotFoundException"
    );
    let deleted = directory
        .get_user(&UserRef::by_id(id), true)
        .await
        .expect("in the recycle bin");
    assert!(deleted.soft_deletion_timestamp.is_some());
    // The name is free again meanwhile; restoring then needs a new one.
    create(directory, "conf.deleted", UserChanges::default()).await;
    let conflict = directory
        .restore_user(RestoreUserParams {
            object_id: Some(id),
            ..Default::default()
        })
        .await;
    assert_eq!(
        conflict.expect_err("UPN taken").code(),
        "RestoreUserNotAllowedException"
    );
    directory
        .restore_user(RestoreUserParams {
            object_id: Some(id),
            new_user_principal_name: Some(upn("conf.restored")),
            ..Default::default()
        })
        .await
        .unwrap();
    let restored = read(directory, "conf.restored").await;
    assert_eq!(restored.object_id, id);
    assert!(restored.soft_deletion_timestamp.is_none());
}

pub async fn licences_need_a_usage_location_and_free_units(directory: &dyn Directory) {
    create(directory, "conf.licence", UserChanges::default()).await;
    let license = |add: Vec<String>, remove: Vec<String>| SetUserLicenseParams {
        user_principal_name: Some(upn("conf.licence")),
        add_licenses: Some(add),
        remove_licenses: Some(remove),
        ..Default::default()
    };
    let no_location = directory
        .set_user_license(license(vec!["contoso:ENTERPRISEPACK".into()], vec![]))
        .await;
    assert_eq!(
        no_location.expect_err("no usage location").field(),
        Some("UsageLocation")
    );
    set(
        directory,
        "conf.licence",
        UserChanges {
            usage_location: Some("us".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let unknown = directory
        .set_user_license(license(vec!["contoso:NOPE".into()], vec![]))
        .await
        .expect_err("unknown SKU");
    assert!(unknown
        .allowed()
        .contains(&"contoso:ENTERPRISEPACK".to_string()));
    let before = directory.account_skus().await.unwrap()[0].consumed_units;
    directory
        .set_user_license(license(vec!["contoso:ENTERPRISEPACK".into()], vec![]))
        .await
        .unwrap();
    let user = read(directory, "conf.licence").await;
    assert!(user.is_licensed);
    assert_eq!(user.licenses[0].account_sku_id, "contoso:ENTERPRISEPACK");
    assert_eq!(
        directory.account_skus().await.unwrap()[0].consumed_units,
        before + 1
    );
    directory
        .set_user_license(license(vec![], vec!["contoso:ENTERPRISEPACK".into()]))
        .await
        .unwrap();
    assert!(!read(directory, "conf.licence").await.is_licensed);
}

pub async fn roles_take_members_by_either_name(directory: &dyn Directory) {
    let id = create(
        directory,
        "conf.admin",
        UserChanges {
            usage_location: Some("US".into()),
            ..Default::default()
        },
    )
    .await;
    // A licensed member lists as licensed (Graph's member listings leave licences out unless asked).
    directory
        .set_user_license(SetUserLicenseParams {
            user_principal_name: Some(upn("conf.admin")),
            add_licenses: Some(vec!["contoso:ENTERPRISEPACK".into()]),
            ..Default::default()
        })
        .await
        .unwrap();
    let role = uuid::Uuid::parse_str(COMPANY_ADMINISTRATOR).unwrap();
    let member = MemberRef {
        member_type: RoleMemberType::User,
        object_id: None,
        email_address: Some(upn("conf.admin")),
    };
    directory.add_role_member(role, &member).await.unwrap();
    assert_eq!(
        directory
            .add_role_member(role, &member)
            .await
            .err()
            .unwrap()
            .code(),
        "RoleMemberAlreadyExistsException"
    );
    let members = directory
        .role_members(
            role,
            &MemberQuery {
                types: None,
                search_string: None,
            },
            PageRequest {
                cursor: None,
                size: 250,
            },
        )
        .await
        .unwrap();
    let listed = members
        .items
        .iter()
        .find(|m| m.object_id == id)
        .expect("listed as a member");
    assert_eq!(
        listed.email_address.as_deref(),
        Some(upn("conf.admin").as_str())
    );
    assert_eq!(listed.is_licensed, Some(true), "{listed:?}");
    assert_eq!(listed.display_name.as_deref(), Some("conf admin"));
    let held = directory.user_roles(&UserRef::by_id(id)).await.unwrap();
    assert_eq!(
        held.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        vec!["Company Administrator"]
    );
    let by_id = MemberRef {
        member_type: RoleMemberType::User,
        object_id: Some(id),
        email_address: None,
    };
    directory.remove_role_member(role, &by_id).await.unwrap();
    assert_eq!(
        directory
            .remove_role_member(role, &by_id)
            .await
            .err()
            .unwrap()
            .code(),
        "RoleMemberNotFoundException"
    );
}

pub async fn security_groups_are_created_changed_filled_and_removed(directory: &dyn Directory) {
    let owner = create(directory, "conf.owner", UserChanges::default()).await;
    let member = create(directory, "conf.member", UserChanges::default()).await;
    let group = directory
        .new_group(NewGroupParams {
            display_name: Some("Conformance Finance".into()),
            description: Some("Finance team".into()),
            managed_by: Some(upn("conf.owner")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(group.group_type, GroupType::Security);
    let read = directory.group(group.object_id).await.unwrap();
    assert_eq!(read.display_name, "Conformance Finance");
    assert_eq!(read.description.as_deref(), Some("Finance team"));
    assert_eq!(read.managed_by, Some(owner.to_string()));
    assert_eq!(
        directory
            .new_group(NewGroupParams::default())
            .await
            .unwrap_err()
            .code(),
        "RequiredPropertyNotSetException"
    );

    // Only real changes are written; an empty description clears it.
    let set = |display_name: Option<&str>, description: Option<&str>| SetGroupParams {
        object_id: group.object_id,
        display_name: display_name.map(str::to_string),
        description: description.map(str::to_string),
        ..Default::default()
    };
    let changed = directory
        .set_group(set(Some("Conformance Finance"), Some("")))
        .await
        .unwrap()
        .changed;
    assert_eq!(changed, ["Description"]);
    let changed = directory
        .set_group(SetGroupParams {
            managed_by: Some(member.to_string()),
            ..set(Some("Conformance Money"), None)
        })
        .await
        .unwrap()
        .changed;
    assert_eq!(changed, ["DisplayName", "ManagedBy"]);
    let read = directory.group(group.object_id).await.unwrap();
    assert_eq!(
        (read.display_name.as_str(), read.description.as_deref()),
        ("Conformance Money", None)
    );
    assert_eq!(read.managed_by, Some(member.to_string()));

    // Members: users and groups, each once.
    let change = |kind: Option<GroupMemberType>, id: uuid::Uuid| GroupMemberChangeParams {
        group_object_id: group.object_id,
        group_member_type: kind,
        group_member_object_id: id,
        ..Default::default()
    };
    directory
        .add_group_member(change(None, member))
        .await
        .unwrap();
    assert_eq!(
        directory
            .add_group_member(change(None, member))
            .await
            .unwrap_err()
            .code(),
        "GroupMemberAlreadyExistsException"
    );
    assert_eq!(
        directory
            .add_group_member(change(None, uuid::Uuid::new_v4()))
            .await
            .unwrap_err()
            .code(),
        "UserNotFoundException"
    );
    let nested = directory
        .new_group(NewGroupParams {
            display_name: Some("Conformance Nested".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    directory
        .add_group_member(change(Some(GroupMemberType::Group), nested.object_id))
        .await
        .unwrap();
    assert_eq!(
        directory
            .add_group_member(change(Some(GroupMemberType::Contact), owner))
            .await
            .unwrap_err()
            .code(),
        "PropertyValidationException"
    );
    let everyone = MemberQuery {
        types: None,
        search_string: None,
    };
    let page = PageRequest {
        cursor: None,
        size: 250,
    };
    let mut members: Vec<(uuid::Uuid, GroupMemberType)> = directory
        .group_members(group.object_id, &everyone, page.clone())
        .await
        .unwrap()
        .items
        .iter()
        .map(|m| (m.object_id, m.group_member_type))
        .collect();
    members.sort_by_key(|(id, _)| *id);
    let mut expected = vec![
        (member, GroupMemberType::User),
        (nested.object_id, GroupMemberType::Group),
    ];
    expected.sort_by_key(|(id, _)| *id);
    assert_eq!(members, expected);
    directory
        .remove_group_member(change(None, member))
        .await
        .unwrap();
    assert_eq!(
        directory
            .remove_group_member(change(None, member))
            .await
            .unwrap_err()
            .code(),
        "GroupMemberNotFoundException"
    );

    // Removing a group removes it from the groups it was a member of.
    directory.remove_group(nested.object_id).await.unwrap();
    assert_eq!(
        directory.group(nested.object_id).await.unwrap_err().code(),
        "GroupNotFoundException"
    );
    assert!(directory
        .group_members(group.object_id, &everyone, page)
        .await
        .unwrap()
        .items
        .is_empty());
    directory.remove_group(group.object_id).await.unwrap();
    assert_eq!(
        directory
            .remove_group(group.object_id)
            .await
            .unwrap_err()
            .code(),
        "GroupNotFoundException"
    );
}

/// A fresh tenant has never synchronized: it can be turned on, then off, and then not back on
/// within 72 hours. A repeat of the current state changes nothing.
pub async fn directory_synchronization_turns_on_and_off_once(directory: &dyn Directory) {
    let state = |enabled: bool, status: &'static str| (enabled, status.to_string());
    let company = || async {
        let c = directory.company_information().await.unwrap();
        (
            c.directory_synchronization_enabled,
            c.directory_synchronization_status,
        )
    };
    assert_eq!(company().await, state(false, "Disabled"));
    let changed = |enable| async move {
        directory
            .set_dir_sync_enabled(enable)
            .await
            .unwrap_or_else(|f| panic!("turning directory synchronization to {enable}: {f}"))
            .changed
    };
    assert_eq!(changed(true).await, ["DirectorySynchronizationEnabled"]);
    assert_eq!(company().await, state(true, "Enabled"));
    assert!(changed(true).await.is_empty());
    assert_eq!(changed(false).await, ["DirectorySynchronizationEnabled"]);
    assert_eq!(company().await, state(false, "Disabled"));
    let synchronized = &sample_contacts()[1];
    assert!(synchronized.last_dir_sync_time.is_some());
    let contact = directory.contact(synchronized.object_id).await.unwrap();
    assert_eq!(
        contact.last_dir_sync_time, None,
        "turning synchronization off makes contacts cloud-only"
    );
    assert!(changed(false).await.is_empty());
    let refused = directory.set_dir_sync_enabled(true).await.unwrap_err();
    assert_eq!(refused.code(), "DirSyncStatusChangeNotAllowedException");
    assert!(refused.to_string().contains("72 hours"), "{refused}");
    assert_eq!(company().await, state(false, "Disabled"));
}

/// The initial domain's policy starts at the service defaults (null); a write changes only the
/// numbers that differ, and reads back as written.
pub async fn password_policies_start_unset_and_change_only_when_different(
    directory: &dyn Directory,
) {
    let domains = directory.domains().await.unwrap();
    let initial = &domains.iter().find(|d| d.is_initial).unwrap().name;
    assert_eq!(
        directory.password_policy(initial).await.unwrap(),
        PasswordPolicy::default()
    );
    let policy = |validity, notification| PasswordPolicy {
        validity_period: Some(validity),
        notification_days: Some(notification),
    };
    let set = |p: PasswordPolicy| async move {
        directory
            .set_password_policy(initial, p)
            .await
            .unwrap_or_else(|f| panic!("setting {p:?}: {f}"))
            .changed
    };
    assert_eq!(
        set(policy(60, 14)).await,
        ["ValidityPeriod", "NotificationDays"]
    );
    assert_eq!(
        directory.password_policy(initial).await.unwrap(),
        policy(60, 14)
    );
    assert!(set(policy(60, 14)).await.is_empty());
    assert_eq!(set(policy(60, 7)).await, ["NotificationDays"]);
    assert_eq!(
        directory.password_policy(initial).await.unwrap(),
        policy(60, 7)
    );
    assert_eq!(
        directory.domains().await.unwrap(),
        domains,
        "the domains are unchanged"
    );
}

/// Each SKU's units come from its commercial subscriptions, whose ids are its SubscriptionIds.
pub async fn subscriptions_stand_behind_the_licences(directory: &dyn Directory) {
    let skus = directory.account_skus().await.unwrap();
    let subscriptions = directory.company_subscriptions().await.unwrap();
    assert!(!subscriptions.is_empty());
    for sku in &skus {
        let own: Vec<_> = subscriptions
            .iter()
            .filter(|s| s.sku_id == sku.sku_id)
            .collect();
        let mut ids: Vec<_> = own.iter().map(|s| s.object_id).collect();
        let mut listed = sku.subscription_ids.clone();
        ids.sort();
        listed.sort();
        assert_eq!(ids, listed, "{}", sku.sku_part_number);
        let enabled: i32 = own
            .iter()
            .filter(|s| s.status == SubscriptionStatus::Enabled)
            .map(|s| s.total_licenses)
            .sum();
        assert_eq!(enabled, sku.active_units, "{}", sku.sku_part_number);
        for subscription in own {
            assert_eq!(subscription.sku_part_number, sku.sku_part_number);
            let plans: Vec<_> = subscription
                .service_status
                .iter()
                .map(|s| &s.service_plan.service_name)
                .collect();
            let sku_plans: Vec<_> = sku
                .service_status
                .iter()
                .map(|s| &s.service_plan.service_name)
                .collect();
            assert_eq!(plans, sku_plans, "{}", sku.sku_part_number);
        }
    }
}

/// A self-signed certificate (CN=exchange.contoso.com) valid from 2025 to 2125, base64 DER.
pub const CERTIFICATE: &str = include_str!("../../tests/fixtures/service-principal.cer.b64");

/// A new tenant holds Microsoft's own applications; Exchange Online's takes a certificate, and a
/// second one keeps the first.
pub async fn service_principals_are_created_changed_and_removed(directory: &dyn Directory) {
    use crate::directory::NewPrincipal;
    use crate::domain::model::{CredentialType, ServicePrincipal};
    use crate::domain::service_principals::{new_credential, CredentialRequest};
    let credential = new_credential(
        Uuid::nil(),
        &CredentialRequest {
            credential_type: Some(CredentialType::Asymmetric),
            value: Some(CERTIFICATE.trim().to_string()),
            ..CredentialRequest::default()
        },
        Timestamp::now(),
    )
    .unwrap();
    let draft_app = Uuid::new_v4();
    let created = directory
        .new_service_principal(NewPrincipal {
            principal: ServicePrincipal {
                object_id: Uuid::nil(),
                app_principal_id: draft_app,
                display_name: "Suite App".into(),
                account_enabled: true,
                service_principal_names: vec![
                    "SuiteApp/suite.example".into(),
                    draft_app.to_string(),
                ],
                addresses: vec!["https://suite.example/reply".into()],
                trusted_for_delegation: false,
            },
            new_application: true,
            credential,
            default_credential: false,
        })
        .await
        .unwrap();
    let principal = created.principal;
    let app = principal.app_principal_id.to_string();
    assert_eq!(
        principal.service_principal_names,
        ["SuiteApp/suite.example".to_string(), app.clone()]
    );
    assert_eq!(created.credentials.len(), 1);
    assert_eq!(
        directory
            .service_principal(principal.object_id)
            .await
            .unwrap(),
        principal
    );
    let keys = directory
        .service_principal_credentials(principal.object_id)
        .await
        .unwrap();
    assert_eq!(keys.len(), 1, "the certificate came with it");

    let after = ServicePrincipal {
        display_name: "Suite App 2".into(),
        account_enabled: false,
        ..principal.clone()
    };
    let outcome = directory
        .set_service_principal(after.clone(), vec!["DisplayName", "AccountEnabled"])
        .await
        .unwrap();
    assert_eq!(outcome.changed, ["DisplayName", "AccountEnabled"]);
    assert_eq!(
        directory
            .service_principal(principal.object_id)
            .await
            .unwrap(),
        after
    );
    directory
        .remove_service_principal(principal.object_id)
        .await
        .unwrap();
    let gone = directory
        .service_principal(principal.object_id)
        .await
        .unwrap_err();
    assert_eq!(gone.code(), "ServicePrincipalNotFoundException");
}

pub async fn service_principals_are_found_and_take_certificates(directory: &dyn Directory) {
    let exchange_app: Uuid = "00000002-0000-0ff1-ce00-000000000000".parse().unwrap();
    let all = directory.service_principals().await.unwrap();
    let exchange = all
        .iter()
        .find(|s| s.app_principal_id == exchange_app)
        .expect("Exchange Online's service principal")
        .clone();
    assert!(exchange.account_enabled);
    assert!(crate::domain::service_principals::has_name(
        &exchange,
        "00000002-0000-0ff1-ce00-000000000000"
    ));
    assert_eq!(
        directory
            .service_principal(exchange.object_id)
            .await
            .unwrap(),
        exchange
    );
    let missing = directory
        .service_principal(Uuid::new_v4())
        .await
        .unwrap_err();
    assert_eq!(missing.code(), "ServicePrincipalNotFoundException");

    let request = crate::domain::service_principals::CredentialRequest {
        credential_type: Some(CredentialType::Asymmetric),
        value: Some(CERTIFICATE.trim().to_string()),
        ..Default::default()
    };
    let mut added = Vec::new();
    for _ in 0..2 {
        let credential = crate::domain::service_principals::new_credential(
            exchange.object_id,
            &request,
            Timestamp::now(),
        )
        .unwrap();
        added.push(credential.key_id);
        let outcome = directory
            .add_service_principal_credential(credential)
            .await
            .unwrap();
        assert_eq!(outcome.changed, ["Credentials"]);
    }
    let credentials = directory
        .service_principal_credentials(exchange.object_id)
        .await
        .unwrap();
    let keys: Vec<Uuid> = credentials.iter().map(|c| c.key_id).collect();
    assert_eq!(keys, added);
    assert!(credentials
        .iter()
        .all(|c| c.credential_type == CredentialType::Asymmetric
            && c.usage == CredentialUsage::Verify
            && c.value.as_deref() == Some(CERTIFICATE.trim())));
}

pub async fn listing_pages_through_everything(directory: &dyn Directory) {
    for index in 0..7 {
        create(
            directory,
            &format!("conf.page{index}"),
            UserChanges {
                department: Some("Paging".into()),
                ..Default::default()
            },
        )
        .await;
    }
    let query = UserQuery {
        filter: UserFilter {
            department: Some("paging".into()),
            ..Default::default()
        },
        strong_authentication: None,
        role_object_id: None,
    };
    let seen: Vec<String> = list_everything(directory, &query, 3)
        .await
        .0
        .into_iter()
        .map(|u| u.user_principal_name)
        .collect();
    let mut expected: Vec<String> = (0..7).map(|i| upn(&format!("conf.page{i}"))).collect();
    expected.sort();
    assert_eq!(seen, expected);
}

/// The count a long listing's progress is measured against: every user not deleted.
pub async fn the_user_count_is_what_a_whole_listing_returns(directory: &dyn Directory) {
    let query = UserQuery {
        filter: UserFilter::default(),
        strong_authentication: None,
        role_object_id: None,
    };
    let listed = list_everything(directory, &query, 100).await.0.len() as u64;
    let id = create(directory, "conf.counted", UserChanges::default()).await;
    assert_eq!(directory.count_users().await.unwrap(), listed + 1);
    directory
        .remove_user(RemoveUserParams {
            object_id: Some(id),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        directory.count_users().await.unwrap(),
        listed,
        "a user in the recycle bin is not counted"
    );
}

pub async fn passwords_and_user_principal_names(directory: &dyn Directory) {
    create(directory, "conf.password", UserChanges::default()).await;
    let weak = directory
        .set_user_password(SetUserPasswordParams {
            user_principal_name: Some(upn("conf.password")),
            new_password: Some("password".into()),
            ..Default::default()
        })
        .await;
    assert_eq!(
        weak.expect_err("weak password").field(),
        Some("NewPassword")
    );
    let generated = directory
        .set_user_password(SetUserPasswordParams {
            user_principal_name: Some(upn("conf.password")),
            ..Default::default()
        })
        .await
        .unwrap()
        .expect("a generated password");
    assert!(generated.len() >= 8);
    directory
        .set_user_principal_name(SetUserPrincipalNameParams {
            user_principal_name: Some(upn("conf.password")),
            new_user_principal_name: upn("conf.renamed"),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(directory
        .get_user(&UserRef::by_upn(upn("conf.renamed")), false)
        .await
        .is_ok());
    let foreign = directory
        .set_user_principal_name(SetUserPrincipalNameParams {
            user_principal_name: Some(upn("conf.renamed")),
            new_user_principal_name: "conf.renamed@fabrikam.com".into(),
            ..Default::default()
        })
        .await;
    assert_eq!(
        foreign.expect_err("unverified domain").allowed(),
        [DOMAIN.to_string(), FEDERATION_DOMAIN.to_string()],
        "the verified domains"
    );
}

/// Adds to a fresh tenant what the suite reads but no backend creates: contacts, devices and a
/// verified custom domain.
pub fn add_samples(tenant: &mut crate::tenant::TenantSnapshot) {
    tenant.contacts = sample_contacts();
    tenant.devices = sample_devices();
    // A verified custom domain, to federate and make managed again.
    tenant.domains.push(crate::tenant::managed_domain(
        FEDERATION_DOMAIN,
        false,
        false,
    ));
}

/// The devices the suite's tenant holds: an Entra-joined Windows laptop, a registered iPhone that
/// never signed in, and a system-managed Autopilot device.
pub fn sample_devices() -> Vec<crate::domain::model::Device> {
    let device = |name: &str, os: &str, trust: &str, physical: &[&str], logon: Option<&str>| {
        serde_json::from_value(serde_json::json!({
            "ObjectId": Uuid::new_v4(),
            "DeviceId": Uuid::new_v4(),
            "DisplayName": name,
            "Enabled": true,
            "DeviceObjectVersion": 2,
            "DeviceOsType": os,
            "DeviceOsVersion": "10.0",
            "DeviceTrustType": trust,
            "DeviceTrustLevel": "Managed",
            "DevicePhysicalIds": physical,
            "ApproximateLastLogonTimestamp": logon,
        }))
        .expect("a valid device")
    };
    vec![
        device(
            "Suite Laptop",
            "Windows",
            "AzureAD Joined",
            &["[HWID]:h:1"],
            Some("2025-06-01T08:00:00Z"),
        ),
        device("Suite iPhone", "iOS", "Workplace Joined", &[], None),
        device(
            "Suite Autopilot",
            "Windows",
            "AzureAD Joined",
            &["[ZTDID]:7b0e"],
            Some("2025-01-01T00:00:00Z"),
        ),
    ]
}

const FEDERATION_DOMAIN: &str = "federation.example.com";

pub async fn domains_are_federated_and_made_managed_again(directory: &dyn Directory) {
    use crate::domain::domain_federation;
    use crate::domain::model::{
        DomainAuthenticationType, DomainFederationSettings, PromptLoginBehavior,
    };
    use crate::domain::requests::FederationSettingsParams;
    let authentication = || async {
        directory
            .domains()
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.name == FEDERATION_DOMAIN)
            .expect("the suite's custom domain")
            .authentication
    };
    assert_eq!(authentication().await, DomainAuthenticationType::Managed);
    let mut settings = DomainFederationSettings::default();
    domain_federation::apply(
        &mut settings,
        &FederationSettingsParams {
            issuer_uri: Some("http://sts.example.com/adfs/services/trust".into()),
            passive_log_on_uri: Some("https://sts.example.com/adfs/ls/".into()),
            signing_certificate: Some(
                "MIIBCgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJic=".into(),
            ),
            supports_mfa: Some(true),
            ..Default::default()
        },
    )
    .unwrap();
    directory
        .set_domain_authentication(FEDERATION_DOMAIN, Some(settings.clone()))
        .await
        .unwrap();
    assert_eq!(authentication().await, DomainAuthenticationType::Federated);
    assert_eq!(
        directory
            .domain_federation(FEDERATION_DOMAIN)
            .await
            .unwrap(),
        settings,
        "the settings read back as written"
    );
    let mut changed = settings.clone();
    let names = domain_federation::apply(
        &mut changed,
        &FederationSettingsParams {
            prompt_login_behavior: Some(PromptLoginBehavior::NativeSupport),
            ..Default::default()
        },
    )
    .unwrap();
    directory
        .set_domain_federation(FEDERATION_DOMAIN, changed.clone(), names)
        .await
        .unwrap();
    assert_eq!(
        directory
            .domain_federation(FEDERATION_DOMAIN)
            .await
            .unwrap(),
        changed,
        "a change keeps the other settings"
    );
    directory
        .set_domain_authentication(FEDERATION_DOMAIN, None)
        .await
        .unwrap();
    assert_eq!(authentication().await, DomainAuthenticationType::Managed);
}

pub async fn directory_settings_are_made_changed_and_removed(directory: &dyn Directory) {
    use crate::domain::directory_settings::{self, GROUP_UNIFIED};
    let templates = directory.setting_templates().await.unwrap();
    let unified = templates
        .iter()
        .find(|t| t.id.to_string() == GROUP_UNIFIED)
        .expect("every tenant offers Group.Unified");
    assert!(
        directory.directory_settings(None).await.unwrap().is_empty(),
        "a new tenant has the defaults"
    );
    let given = [(
        "UsageGuidelinesUrl".to_string(),
        "https://example.com/g".to_string(),
    )]
    .into();
    let made = directory_settings::new_setting(unified, &given, Uuid::new_v4()).unwrap();
    let stored = directory
        .new_directory_setting(None, made.clone())
        .await
        .unwrap();
    assert_eq!(stored.values, made.values, "every value, as made");
    let mut changed = stored.clone();
    let names = directory_settings::apply_values(
        &mut changed,
        unified,
        &[("EnableGroupCreation".to_string(), "false".to_string())].into(),
    )
    .unwrap();
    directory
        .save_directory_setting(None, changed.clone(), names)
        .await
        .unwrap();
    let listed = directory.directory_settings(None).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].values, changed.values,
        "a change keeps the other values"
    );
    directory
        .remove_directory_setting(None, stored.id)
        .await
        .unwrap();
    assert!(directory.directory_settings(None).await.unwrap().is_empty());
    assert_eq!(
        directory
            .directory_settings(Some(Uuid::new_v4()))
            .await
            .unwrap_err()
            .code(),
        "GroupNotFoundException"
    );
}

pub async fn administrative_units_hold_members_and_scoped_roles(directory: &dyn Directory) {
    use crate::domain::model::{AdministrativeUnit, AdministrativeUnitMemberType};
    let helpdesk = Uuid::parse_str("729827e3-9c14-49f7-bb1b-9608f156bbb8").unwrap();
    let member = create(directory, "conf.unit.member", UserChanges::default()).await;
    let unit = directory
        .new_administrative_unit(AdministrativeUnit {
            object_id: Uuid::new_v4(),
            display_name: "Conformance Region".into(),
            description: Some("For the suite".into()),
        })
        .await
        .unwrap();
    let read = directory.administrative_unit(unit.object_id).await.unwrap();
    assert_eq!(read, unit, "a unit reads back as created");
    let mut renamed = unit.clone();
    renamed.display_name = "Conformance Area".into();
    renamed.description = None;
    directory
        .save_administrative_unit(renamed.clone(), vec!["DisplayName", "Description"])
        .await
        .unwrap();
    assert_eq!(
        directory.administrative_unit(unit.object_id).await.unwrap(),
        renamed,
        "a cleared description stays cleared"
    );

    directory
        .add_administrative_unit_member(unit.object_id, member)
        .await
        .unwrap();
    assert_eq!(
        directory
            .add_administrative_unit_member(unit.object_id, member)
            .await
            .unwrap_err()
            .code(),
        "AdministrativeUnitMemberAlreadyExistsException"
    );
    let members = directory
        .administrative_unit_members(unit.object_id)
        .await
        .unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].object_id, member);
    assert_eq!(
        members[0].administrative_unit_member_type,
        AdministrativeUnitMemberType::User
    );
    assert_eq!(members[0].email_address, Some(upn("conf.unit.member")));
    let of_member = directory.administrative_units(Some(member)).await.unwrap();
    assert_eq!(
        of_member.iter().map(|u| u.object_id).collect::<Vec<_>>(),
        [unit.object_id],
        "the member's units"
    );

    directory
        .add_scoped_role_member(unit.object_id, helpdesk, member)
        .await
        .unwrap();
    assert_eq!(
        directory
            .add_scoped_role_member(unit.object_id, helpdesk, member)
            .await
            .unwrap_err()
            .code(),
        "RoleMemberAlreadyExistsException"
    );
    let scoped = directory.scoped_role_members(unit.object_id).await.unwrap();
    assert_eq!(scoped.len(), 1);
    assert_eq!(
        (
            scoped[0].object_id,
            scoped[0].role_object_id,
            scoped[0].administrative_unit_object_id
        ),
        (member, helpdesk, unit.object_id)
    );
    assert_eq!(scoped[0].user_principal_name, Some(upn("conf.unit.member")));
    directory
        .remove_scoped_role_member(unit.object_id, helpdesk, member)
        .await
        .unwrap();
    assert_eq!(
        directory
            .remove_scoped_role_member(unit.object_id, helpdesk, member)
            .await
            .unwrap_err()
            .code(),
        "RoleMemberNotFoundException"
    );
    directory
        .remove_administrative_unit_member(unit.object_id, member)
        .await
        .unwrap();
    assert_eq!(
        directory
            .remove_administrative_unit_member(unit.object_id, member)
            .await
            .unwrap_err()
            .code(),
        "AdministrativeUnitMemberNotFoundException"
    );
    directory
        .remove_administrative_unit(unit.object_id)
        .await
        .unwrap();
    assert_eq!(
        directory
            .administrative_unit(unit.object_id)
            .await
            .unwrap_err()
            .code(),
        "AdministrativeUnitNotFoundException"
    );
}

pub async fn devices_are_listed_found_switched_and_removed(directory: &dyn Directory) {
    use crate::domain::devices::{self, DeviceKey, DeviceQuery};
    let everything = DeviceQuery::default();
    let mut listed = directory.devices(&everything).await.unwrap();
    devices::sort(&mut listed);
    let mut expected = sample_devices();
    devices::sort(&mut expected);
    let without_ids = |list: &[crate::domain::model::Device]| -> Vec<String> {
        list.iter().map(|d| d.display_name.clone()).collect()
    };
    assert_eq!(
        without_ids(&listed),
        without_ids(&expected),
        "devices as listed"
    );
    let laptop = listed
        .iter()
        .find(|d| d.display_name == "Suite Laptop")
        .unwrap()
        .clone();
    for key in [
        DeviceKey::ObjectId(laptop.object_id),
        DeviceKey::DeviceId(laptop.device_id),
    ] {
        assert_eq!(
            directory.device(key, false).await.unwrap(),
            laptop,
            "a device read by {key:?}"
        );
    }
    let by_name = DeviceQuery {
        name: Some("suite LAPTOP".into()),
        ..DeviceQuery::default()
    };
    let named: Vec<_> = directory
        .devices(&by_name)
        .await
        .unwrap()
        .into_iter()
        .filter(|d| devices::listed(d, &by_name))
        .collect();
    assert_eq!(
        named,
        std::slice::from_ref(&laptop),
        "a device found by name in any case"
    );

    let key = DeviceKey::DeviceId(laptop.device_id);
    assert_eq!(
        directory
            .set_device_enabled(key, false)
            .await
            .unwrap()
            .changed,
        ["Enabled"]
    );
    assert!(
        directory
            .set_device_enabled(key, false)
            .await
            .unwrap()
            .changed
            .is_empty(),
        "only real changes"
    );
    assert!(!directory.device(key, false).await.unwrap().enabled);
    directory.set_device_enabled(key, true).await.unwrap();
    assert_eq!(directory.device(key, false).await.unwrap(), laptop);

    let autopilot = listed
        .iter()
        .find(|d| d.display_name == "Suite Autopilot")
        .unwrap();
    directory
        .remove_device(DeviceKey::ObjectId(autopilot.object_id))
        .await
        .unwrap();
    let gone = directory
        .device(DeviceKey::ObjectId(autopilot.object_id), false)
        .await
        .unwrap_err();
    assert_eq!(gone.code(), "DeviceNotFoundException");
    let missing = directory
        .set_device_enabled(DeviceKey::DeviceId(Uuid::new_v4()), true)
        .await
        .unwrap_err();
    assert_eq!(missing.code(), "DeviceNotFoundException");
}

/// The mail contacts the suite's tenant holds: one with every property, one synchronized with
/// both kinds of errors.
pub fn sample_contacts() -> Vec<crate::domain::model::Contact> {
    use crate::domain::model::{Contact, ValidationStatus};
    let at = Timestamp::parse("2026-03-01T10:00:00Z").expect("a valid time");
    let full = Contact {
        object_id: "5b0c9f4e-2d7a-4c1b-9e3f-6a8d2c4b1e07".parse().unwrap(),
        display_name: "Ana Souza".into(),
        email_address: Some("ana.souza@fabrikam.com".into()),
        first_name: Some("Ana".into()),
        last_name: Some("Souza".into()),
        title: Some("Account Manager".into()),
        department: Some("Sales".into()),
        office: Some("Building 4".into()),
        street_address: Some("Rua Augusta 1".into()),
        city: Some("Lisbon".into()),
        state: Some("Lisboa".into()),
        postal_code: Some("1100-053".into()),
        country: Some("Portugal".into()),
        phone_number: Some("+351 21 000 0001".into()),
        mobile_phone: Some("+351 91 000 0001".into()),
        fax: Some("+351 21 000 0002".into()),
        user_principal_name: None,
        proxy_addresses: vec!["SMTP:ana.souza@fabrikam.com".into()],
        last_dir_sync_time: None,
        errors: Vec::new(),
        dir_sync_provisioning_errors: Vec::new(),
        validation_status: ValidationStatus::Healthy,
    };
    // Only what a synchronized contact with errors holds; the rest stays unset.
    let conflicted: Contact = serde_json::from_value(serde_json::json!({
        "ObjectId": "9e1d7c3a-4f2b-4a6e-8c5d-1b7f3e9a2d40",
        "DisplayName": "carla reyes",
        "EmailAddress": "carla.reyes@northwindtraders.com",
        "ProxyAddresses": ["SMTP:carla.reyes@northwindtraders.com"],
        "LastDirSyncTime": at,
        "Errors": [{
            "ErrorDetail": "The proxy address is already being used.",
            "Resolved": false,
            "ServiceInstance": "exchange/eurprd05-001-01",
            "Timestamp": at,
        }],
        "DirSyncProvisioningErrors": [{
            "ErrorCategory": "PropertyConflict",
            "PropertyName": "ProxyAddresses",
            "PropertyValue": "SMTP:carla.reyes@northwindtraders.com",
            "WhenStarted": at,
        }],
        "ValidationStatus": "Error",
    }))
    .expect("a valid contact");
    vec![full, conflicted]
}

pub async fn contacts_come_back_whole(directory: &dyn Directory) {
    let mut listed = directory.contacts().await.unwrap();
    crate::domain::contacts::sort(&mut listed);
    assert_eq!(listed, sample_contacts(), "contacts as listed");
    for contact in &listed {
        assert_eq!(
            &directory.contact(contact.object_id).await.unwrap(),
            contact,
            "a contact read by ObjectId"
        );
    }
    let missing = directory.contact(Uuid::new_v4()).await.unwrap_err();
    assert_eq!(missing.code(), "ContactNotFoundException");
}

/// The suite's only conflict is its synchronized contact's (no backend writes conflicts).
pub async fn synchronization_conflicts_are_found(directory: &dyn Directory) {
    let found = directory
        .objects_with_dir_sync_provisioning_errors()
        .await
        .unwrap();
    let expected: Vec<_> = sample_contacts()
        .iter()
        .filter_map(crate::domain::dir_sync::contact_conflicts)
        .collect();
    assert_eq!(expected.len(), 1);
    assert_eq!(found, expected);
}

/// A new domain is unverified, has a TXT and an MX record to publish, cannot be verified while
/// neither is (the suite's tenant publishes nothing), and is removed once nothing uses it.
pub async fn domains_are_added_and_wait_for_their_record(directory: &dyn Directory) {
    use crate::domain::domains;
    let before = directory.domains().await.unwrap();
    let domain = domains::new_domain(Some("Conformance.example.com"), None, None, &before).unwrap();
    let added = directory.add_domain(domain).await.unwrap();
    assert_eq!(added.name, "conformance.example.com");
    assert_eq!(added.status, crate::domain::model::DomainStatus::Unverified);
    let listed = directory.domains().await.unwrap();
    assert!(
        listed.contains(&added),
        "the new domain is listed as answered"
    );
    let records = directory
        .domain_verification_records(&added.name)
        .await
        .unwrap();
    let txt = domains::record_for_mode(
        records.clone(),
        Some(crate::domain::requests::DomainVerificationMode::DnsTxtRecord),
    )
    .unwrap();
    let mx = domains::record_for_mode(records, None).unwrap();
    let code = txt.text.as_deref().unwrap().trim_start_matches("MS=");
    assert_eq!(mx.mail_exchange, Some(format!("{code}.msv1.invalid")));
    assert_eq!((mx.label.as_str(), mx.ttl), (added.name.as_str(), 3600));
    let refused = directory.verify_domain(&added.name).await.unwrap_err();
    assert_eq!(refused.code(), "DomainVerificationFailedException");
    let missing = directory
        .domain_verification_records("missing.example.com")
        .await
        .unwrap_err();
    assert_eq!(missing.code(), "DomainNotFoundException");

    // The suite's users live in the initial domain; the new one has none and can go.
    let used = directory.domain_references(DOMAIN).await.unwrap();
    assert!(used.contains(&upn("conf.read")), "{used:?}");
    assert!(directory
        .domain_references(&added.name)
        .await
        .unwrap()
        .is_empty());
    directory.remove_domain(&added.name).await.unwrap();
    assert!(!directory.domains().await.unwrap().contains(&added));
}

/// Company settings start at the service defaults, change only where the request differs, and
/// read back as written.
pub async fn company_settings_change_only_when_different(directory: &dyn Directory) {
    use crate::domain::requests::SetCompanySettingsParams;
    let before = directory.company_information().await.unwrap();
    assert_eq!(before.self_serve_password_reset_enabled, Some(false));
    assert_eq!(before.users_permission_to_create_groups_enabled, Some(true));
    assert_eq!(
        before.users_permission_to_user_consent_to_app_enabled,
        Some(true)
    );
    let request = SetCompanySettingsParams {
        self_serve_password_reset_enabled: Some(true),
        users_permission_to_create_groups_enabled: Some(false),
        users_permission_to_user_consent_to_app_enabled: Some(false),
        users_permission_to_read_other_users_enabled: Some(true),
        allow_ad_hoc_subscriptions: Some(false),
        ..Default::default()
    };
    let changed = directory
        .set_company_settings(request.clone())
        .await
        .unwrap()
        .changed;
    assert_eq!(
        changed,
        [
            "SelfServePasswordResetEnabled",
            "UsersPermissionToCreateGroupsEnabled",
            "UsersPermissionToUserConsentToAppEnabled",
            "AllowAdHocSubscriptions"
        ]
    );
    let after = directory.company_information().await.unwrap();
    assert_eq!(after.self_serve_password_reset_enabled, Some(true));
    assert_eq!(after.users_permission_to_create_groups_enabled, Some(false));
    assert_eq!(
        after.users_permission_to_user_consent_to_app_enabled,
        Some(false)
    );
    assert_eq!(after.allow_ad_hoc_subscriptions, Some(false));
    assert_eq!(
        after.allow_email_verified_users,
        before.allow_email_verified_users
    );
    assert!(directory
        .set_company_settings(request)
        .await
        .unwrap()
        .changed
        .is_empty());
    let back = SetCompanySettingsParams {
        users_permission_to_user_consent_to_app_enabled: Some(true),
        ..Default::default()
    };
    directory.set_company_settings(back).await.unwrap();
    assert_eq!(
        directory
            .company_information()
            .await
            .unwrap()
            .users_permission_to_user_consent_to_app_enabled,
        Some(true)
    );
}
