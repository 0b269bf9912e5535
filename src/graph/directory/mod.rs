//! The Graph backend: every MSOnline operation as Microsoft Graph calls. MSOnline's rules are
//! decided by `domain` exactly as for the local tenant (the current user is read from Graph,
//! the request applied to it, and the difference written back), so both backends answer alike.
//! One file per family of cmdlets: `administrative_units.rs`, `company.rs`, `licenses.rs`, `users.rs` (with `mfa.rs`),
//! `roles.rs`, `groups.rs`, `service_principals.rs`, `contacts.rs`, `devices.rs`, `directory_settings.rs`; what they share
//! (the request path, paging, faults) is here.

use std::collections::HashSet;

use async_trait::async_trait;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::client::{Call, GraphClient, GraphFailure, Reply, Version};
use super::convert::{
    self, AuthFacts, Phone, PhoneChannels, ALTERNATE_MOBILE, MOBILE, OFFICE, USER_SELECT,
};
use super::permissions;
use crate::directory::{
    AdministrativeUnitDirectory, CompanyDirectory, ContactDirectory, CreatedServicePrincipal,
    CreatedUser, DeviceDirectory, Directory, DirectorySettingDirectory, GroupDirectory, GroupQuery,
    LicenseDirectory, MemberQuery, MemberRef, NewPrincipal, Outcome, Page, PageRequest,
    RoleDirectory, ServicePrincipalDirectory, UserDirectory, UserQuery,
};
use crate::domain::fault::{Fault, FaultResult};
use crate::domain::licensing::{self, LicenseCatalog};
use crate::domain::model::{
    AccountSku, CompanyInformation, CompanySubscription, CredentialType, DirSyncConfiguration,
    DirSyncFeature, DirSyncProvisioningErrorObject, DirSyncSettings, Domain, DomainRecord,
    DomainStatus, Group, GroupMember, GroupMemberType, MethodType, PasswordPolicy,
    RequirementState, Role, RoleMember, RoleMemberType, ServicePrincipal,
    ServicePrincipalCredential, User, UserType,
};
use crate::domain::requests::{
    NewUserParams, RemoveUserParams, RestoreUserParams, SetCompanySettingsParams,
    SetUserLicenseParams, SetUserParams, SetUserPasswordParams, SetUserPrincipalNameParams,
    UserChanges, UserEnabledFilter, UserRef,
};
use crate::domain::time::Timestamp;
use crate::domain::{
    dir_sync, dir_sync_features, domains as domain_rules, password, phone, user_rules,
};

/// Graph pages hold at most 999 users.
const MAX_PAGE: usize = 999;

/// How long the licence catalog read for showing users is reused; writes that count free units
/// always read it afresh.
const CATALOG_REUSE: std::time::Duration = std::time::Duration::from_secs(60);

pub struct GraphDirectory {
    client: GraphClient,
    catalog: std::sync::Mutex<Option<(std::time::Instant, std::sync::Arc<LicenseCatalog>)>>,
    channels: std::sync::Mutex<Option<(std::time::Instant, PhoneChannels)>>,
}

mod administrative_units;
mod company;
mod contacts;
mod devices;
mod directory_settings;
mod domain_federation;
mod groups;
mod licenses;
mod mfa;
mod roles;
mod service_principals;
mod users;

/// Percent-encodes a UPN for a path segment; a UPN starting with `$` takes the key form
/// `users('$x@y.com')` (reference/graph.md 3.2).
fn user_segment(key: &str) -> String {
    let encoded = msol_encoding::percent::encode(key, b"@!'");
    if key.starts_with('$') {
        format!("/users('{}')", encoded.replace('\'', "''"))
    } else {
        format!("/users/{encoded}")
    }
}

/// A Graph failure in MSOnline's terms, keeping Graph's code and request id in the message.
fn fault(failure: GraphFailure, user: Option<&UserRef>) -> Fault {
    match (&failure, failure.status()) {
        (_, Some(404)) if user.is_some() => Fault::UserNotFound(user.map(UserRef::describe).unwrap_or_default()),
        (GraphFailure::Graph(error), Some(403)) => Fault::AccessDenied(match permissions::needed_for(&error.request) {
            Some(needed) => format!("Microsoft Graph refused {}: {failure}. {needed}", error.request),
            None => format!("Microsoft Graph refused {}: {failure}.", error.request),
        }),
        (GraphFailure::Graph(error), Some(400)) if error.message.contains("on-premises mastered") => Fault::NotSettable {
            field: "(synchronized properties)".to_string(),
            reason: format!("The user is synchronized from on-premises Active Directory: change it there. {failure}"),
        },
        (GraphFailure::Graph(error), Some(400)) if error.message.contains("same value for property userPrincipalName") => {
            Fault::UserAlreadyExists(user.map(UserRef::describe).unwrap_or_default())
        }
        (_, Some(status)) if (400..500).contains(&status) => Fault::Service { status, message: failure.to_string() },
        (GraphFailure::SignIn(_), _) => Fault::Service { status: 401, message: failure.to_string() },
        (GraphFailure::Uncertain(_), _) => Fault::Service { status: 504, message: failure.to_string() },
        _ => Fault::Service { status: 503, message: failure.to_string() },
    }
}

impl GraphDirectory {
    pub fn new(client: GraphClient) -> GraphDirectory {
        GraphDirectory {
            client,
            catalog: std::sync::Mutex::new(None),
            channels: std::sync::Mutex::new(None),
        }
    }

    pub fn client(&self) -> &GraphClient {
        &self.client
    }

    async fn get(
        &self,
        version: Version,
        path: impl Into<String>,
        user: Option<&UserRef>,
    ) -> FaultResult<Value> {
        self.client
            .call(&Call::get(version, path))
            .await
            .map(|r| r.body)
            .map_err(|f| fault(f, user))
    }

    async fn write(&self, call: Call, user: Option<&UserRef>) -> FaultResult<Reply> {
        self.client.call(&call).await.map_err(|f| fault(f, user))
    }

    /// Every page of a collection (roles, members, groups): small collections, followed to the end.
    async fn all_pages(&self, path: &str) -> FaultResult<Vec<Value>> {
        let first = self.get(Version::V1, path, None).await?;
        self.rest_of_pages(first, false).await
    }

    /// The items of a first page and of every page its next links lead to; `eventual` for an
    /// advanced query, whose next pages need `ConsistencyLevel: eventual` too.
    async fn rest_of_pages(&self, first: Value, eventual: bool) -> FaultResult<Vec<Value>> {
        let mut body = first;
        let mut items = Vec::new();
        loop {
            items.extend(body["value"].as_array().cloned().unwrap_or_default());
            let Some(next) = body["@odata.nextLink"].as_str().map(str::to_string) else {
                break;
            };
            body = self
                .client
                .follow(&next, eventual)
                .await
                .map_err(|f| fault(f, None))?
                .body;
        }
        Ok(items)
    }

    /// Every page of a collection, each read once; `None` when Graph answers 404 for it.
    async fn all_pages_unless_missing(&self, path: &str) -> FaultResult<Option<Vec<Value>>> {
        match self.client.call(&Call::get(Version::V1, path)).await {
            Ok(first) => self.rest_of_pages(first.body, false).await.map(Some),
            Err(failure) if failure.status() == Some(404) => Ok(None),
            Err(failure) => Err(fault(failure, None)),
        }
    }
}

impl Directory for GraphDirectory {
    fn backend(&self) -> &'static str {
        "graph"
    }
}
