//! The `Microsoft.Online.Administration.*` objects, in MSOnline's own JSON vocabulary.
//!
//! These shapes are the wire contract (the PowerShell module deserializes them into its
//! `[DataContract]` classes) and the local tenant's storage format, so property names are
//! exactly MSOnline's. Collections are always present (empty, never null).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::time::Timestamp;

/// MSOnline's six strong-authentication method types: a closed set.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum MethodType {
    #[serde(rename = "OneWaySMS")]
    OneWaySms,
    TwoWayVoiceMobile,
    TwoWayVoiceOffice,
    TwoWayVoiceAlternateMobile,
    #[serde(rename = "PhoneAppOTP")]
    PhoneAppOtp,
    PhoneAppNotification,
}

impl MethodType {
    pub const ALL: [MethodType; 6] = [
        MethodType::OneWaySms,
        MethodType::TwoWayVoiceMobile,
        MethodType::TwoWayVoiceOffice,
        MethodType::TwoWayVoiceAlternateMobile,
        MethodType::PhoneAppOtp,
        MethodType::PhoneAppNotification,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MethodType::OneWaySms => "OneWaySMS",
            MethodType::TwoWayVoiceMobile => "TwoWayVoiceMobile",
            MethodType::TwoWayVoiceOffice => "TwoWayVoiceOffice",
            MethodType::TwoWayVoiceAlternateMobile => "TwoWayVoiceAlternateMobile",
            MethodType::PhoneAppOtp => "PhoneAppOTP",
            MethodType::PhoneAppNotification => "PhoneAppNotification",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct StrongAuthenticationMethod {
    pub method_type: MethodType,
    #[serde(default)]
    pub is_default: bool,
}

/// Per-user MFA states that can be written. "Disabled" is the empty requirement list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum RequirementState {
    Enabled,
    Enforced,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct StrongAuthenticationRequirement {
    /// Always "*" in MSOnline: the requirement applies to every relying party.
    #[serde(default = "any_relying_party")]
    pub relying_party: String,
    pub state: RequirementState,
    /// Sessions remembered before this instant must do MFA again. Defaults to the time of the write.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remember_devices_not_issued_before: Option<Timestamp>,
}

pub fn any_relying_party() -> String {
    "*".to_string()
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct StrongAuthenticationUserDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_pin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

impl StrongAuthenticationUserDetails {
    pub fn is_empty(&self) -> bool {
        self == &StrongAuthenticationUserDetails::default()
    }
}

/// Flags of a registered phone app: `Notification` = 1, `OTP` = 2 (MSOnline's values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum PhoneAppAuthenticationType {
    Notification,
    #[serde(rename = "OTP")]
    Otp,
    #[serde(rename = "Notification, OTP")]
    NotificationAndOtp,
}

impl PhoneAppAuthenticationType {
    pub fn supports(self, method: MethodType) -> bool {
        use PhoneAppAuthenticationType::*;
        match method {
            MethodType::PhoneAppNotification => matches!(self, Notification | NotificationAndOtp),
            MethodType::PhoneAppOtp => matches!(self, Otp | NotificationAndOtp),
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum NotificationType {
    Unspecified,
    Invalid,
    #[serde(rename = "APNS")]
    Apns,
    #[serde(rename = "C2DM")]
    C2dm,
    #[serde(rename = "GCM")]
    Gcm,
    #[serde(rename = "MPNS")]
    Mpns,
    #[serde(rename = "BPS")]
    Bps,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct StrongAuthenticationPhoneAppDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    pub authentication_type: PhoneAppAuthenticationType,
    pub device_name: String,
    #[serde(default = "software_token_activated")]
    pub device_tag: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_token: Option<String>,
    pub notification_type: NotificationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oath_secret_key: Option<String>,
    #[serde(default)]
    pub oath_token_time_drift: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_app_version: Option<String>,
}

fn software_token_activated() -> String {
    "SoftwareTokenActivated".to_string()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum UserType {
    Other,
    #[default]
    Member,
    Guest,
    Viral,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ProvisioningStatus {
    None,
    #[default]
    Success,
    Error,
    PendingInput,
    Disabled,
    PendingActivation,
    PendingProvisioning,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ValidationStatus {
    NotAvailable,
    #[default]
    Healthy,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AccountSkuIdentifier {
    pub account_name: String,
    pub sku_part_number: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum SkuTargetClass {
    NotAvailable,
    User,
    Tenant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ServicePlan {
    pub service_name: String,
    pub service_plan_id: Uuid,
    pub service_type: String,
    pub target_class: SkuTargetClass,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ServiceStatus {
    pub service_plan: ServicePlan,
    /// `Success` for an enabled plan, `Disabled` for one turned off by licence options.
    pub provisioning_status: ProvisioningStatus,
}

/// One licence a user holds: `AccountSkuId` is `<accountName>:<SkuPartNumber>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UserLicense {
    pub account_sku: AccountSkuIdentifier,
    pub account_sku_id: String,
    #[serde(default)]
    pub groups_assigning_license: Vec<Uuid>,
    pub service_status: Vec<ServiceStatus>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct LicenseAssignment {
    pub disabled_service_plans: Vec<String>,
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referenced_object_id: Option<Uuid>,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct LicenseAssignmentDetail {
    pub account_sku: AccountSkuIdentifier,
    pub assignments: Vec<LicenseAssignment>,
}

/// A service-side validation error recorded on a user (`-HasErrorsOnly` finds these).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ValidationErrorEntry {
    pub error_detail: String,
    #[serde(default)]
    pub resolved: bool,
    pub service_instance: String,
    pub timestamp: Timestamp,
}

/// A synchronization conflict on an object: another object already holds the value
/// (`PropertyConflict`, the only category; entra/identity/hybrid/connect/
/// how-to-connect-syncservice-duplicate-attribute-resiliency).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DirSyncProvisioningError {
    pub error_category: String,
    /// `UserPrincipalName` or `ProxyAddresses`.
    pub property_name: String,
    pub property_value: String,
    pub when_started: Timestamp,
}

/// The kinds of object that carry synchronization conflicts.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum ProvisioningErrorObjectType {
    User,
    Group,
    Contact,
}

/// Get-MsolDirSyncProvisioningError's answer: one object with its conflicts. *Choice*: MSOnline's
/// type name was not found; the module calls it
/// `Microsoft.Online.Administration.DirSyncProvisioningErrorObject`, with the properties public
/// scripts read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DirSyncProvisioningErrorObject {
    pub object_id: Uuid,
    pub object_type: ProvisioningErrorObjectType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Users only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    /// Users only: the on-premises anchor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable_id: Option<String>,
    #[serde(default)]
    pub proxy_addresses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_dir_sync_time: Option<Timestamp>,
    pub provisioning_errors: Vec<DirSyncProvisioningError>,
}

/// `Microsoft.Online.Administration.User`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct User {
    pub object_id: Uuid,
    pub user_principal_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_data_location: Option<String>,
    #[serde(default)]
    pub alternate_email_addresses: Vec<String>,
    #[serde(default)]
    pub alternate_mobile_phones: Vec<String>,
    #[serde(default)]
    pub proxy_addresses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in_name: Option<String>,
    #[serde(default)]
    pub user_type: UserType,
    #[serde(default)]
    pub block_credential: bool,
    #[serde(default)]
    pub is_licensed: bool,
    #[serde(default)]
    pub licenses: Vec<UserLicense>,
    #[serde(default)]
    pub license_assignment_details: Vec<LicenseAssignmentDetail>,
    #[serde(default)]
    pub license_reconciliation_needed: bool,
    #[serde(default)]
    pub password_never_expires: bool,
    #[serde(default)]
    pub password_reset_not_required_during_activate: bool,
    #[serde(default = "yes")]
    pub strong_password_required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_password_change_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_dir_sync_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soft_deletion_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sts_refresh_tokens_valid_from: Option<Timestamp>,
    pub when_created: Timestamp,
    #[serde(default)]
    pub strong_authentication_methods: Vec<StrongAuthenticationMethod>,
    #[serde(default)]
    pub strong_authentication_requirements: Vec<StrongAuthenticationRequirement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong_authentication_user_details: Option<StrongAuthenticationUserDetails>,
    #[serde(default)]
    pub strong_authentication_phone_app_details: Vec<StrongAuthenticationPhoneAppDetail>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong_authentication_proofup_time: Option<i64>,
    #[serde(default)]
    pub errors: Vec<ValidationErrorEntry>,
    #[serde(default)]
    pub dir_sync_provisioning_errors: Vec<DirSyncProvisioningError>,
    #[serde(default)]
    pub overall_provisioning_status: ProvisioningStatus,
    #[serde(default)]
    pub validation_status: ValidationStatus,
}

fn yes() -> bool {
    true
}

fn set() -> Option<bool> {
    Some(true)
}

fn unset() -> Option<bool> {
    Some(false)
}

impl User {
    /// A cloud user with MSOnline's defaults, as `New-MsolUser` creates one.
    pub fn new(object_id: Uuid, user_principal_name: String, when_created: Timestamp) -> User {
        User {
            object_id,
            sign_in_name: Some(user_principal_name.clone()),
            user_principal_name,
            display_name: None,
            first_name: None,
            last_name: None,
            title: None,
            department: None,
            office: None,
            street_address: None,
            city: None,
            state: None,
            postal_code: None,
            country: None,
            usage_location: None,
            phone_number: None,
            mobile_phone: None,
            fax: None,
            preferred_language: None,
            preferred_data_location: None,
            alternate_email_addresses: Vec::new(),
            alternate_mobile_phones: Vec::new(),
            proxy_addresses: Vec::new(),
            immutable_id: None,
            user_type: UserType::Member,
            block_credential: false,
            is_licensed: false,
            licenses: Vec::new(),
            license_assignment_details: Vec::new(),
            license_reconciliation_needed: false,
            password_never_expires: false,
            password_reset_not_required_during_activate: false,
            strong_password_required: true,
            last_password_change_timestamp: None,
            last_dir_sync_time: None,
            soft_deletion_timestamp: None,
            sts_refresh_tokens_valid_from: None,
            when_created,
            strong_authentication_methods: Vec::new(),
            strong_authentication_requirements: Vec::new(),
            strong_authentication_user_details: None,
            strong_authentication_phone_app_details: Vec::new(),
            strong_authentication_proofup_time: None,
            errors: Vec::new(),
            dir_sync_provisioning_errors: Vec::new(),
            overall_provisioning_status: ProvisioningStatus::Success,
            validation_status: ValidationStatus::Healthy,
        }
    }

    /// Synchronized from on-premises Active Directory (directory synchronization has run for it).
    pub fn is_synchronized(&self) -> bool {
        self.last_dir_sync_time.is_some()
    }

    pub fn mfa_state(&self) -> Option<RequirementState> {
        self.strong_authentication_requirements
            .first()
            .map(|r| r.state)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum RoleMemberType {
    User,
    Group,
    ServicePrincipal,
    Other,
}

/// `Microsoft.Online.Administration.Role`. `ObjectId` is the role template id, as in MSOnline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Role {
    pub object_id: Uuid,
    pub name: String,
    pub description: String,
    pub is_enabled: bool,
    pub is_system: bool,
}

/// `Microsoft.Online.Administration.RoleMember`. For users, `EmailAddress` is the UPN.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RoleMember {
    pub object_id: Uuid,
    pub role_member_type: RoleMemberType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_licensed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_dir_sync_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_provisioning_status: Option<ProvisioningStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_status: Option<ValidationStatus>,
    #[serde(default)]
    pub strong_authentication_requirements: Vec<StrongAuthenticationRequirement>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum GroupType {
    DistributionList,
    Security,
    MailEnabledSecurity,
}

/// `Microsoft.Online.Administration.Group`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Group {
    pub object_id: Uuid,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    pub group_type: GroupType,
    #[serde(default)]
    pub is_system: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_dir_sync_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    #[serde(default)]
    pub proxy_addresses: Vec<String>,
    #[serde(default)]
    pub errors: Vec<ValidationErrorEntry>,
    /// Licence assignment errors of this group (`-HasLicenseErrorsOnly`).
    #[serde(default)]
    pub has_license_errors: bool,
    /// Synchronization conflicts (Get-MsolDirSyncProvisioningError); left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dir_sync_provisioning_errors: Vec<DirSyncProvisioningError>,
    #[serde(default)]
    pub validation_status: ValidationStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum GroupMemberType {
    User,
    ServicePrincipal,
    Contact,
    Group,
}

/// `Microsoft.Online.Administration.GroupMember`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GroupMember {
    pub object_id: Uuid,
    pub group_member_type: GroupMemberType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
}

/// `Microsoft.Online.Administration.Contact`: a mail contact, someone outside the organization
/// who is in its address book. Contacts are synchronized from on-premises Active Directory or
/// made in Exchange Online; MSOnline could only read and delete them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Contact {
    pub object_id: Uuid,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// Kept from MSOnline's type; Graph's orgContact has none, so it is empty there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    #[serde(default)]
    pub proxy_addresses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_dir_sync_time: Option<Timestamp>,
    /// Service-side validation errors (`-HasErrorsOnly` finds these).
    #[serde(default)]
    pub errors: Vec<ValidationErrorEntry>,
    /// Synchronization conflicts (Get-MsolDirSyncProvisioningError); left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dir_sync_provisioning_errors: Vec<DirSyncProvisioningError>,
    #[serde(default)]
    pub validation_status: ValidationStatus,
}

/// `Microsoft.Online.Administration.ServicePrincipal`: an application's identity in the tenant;
/// it can hold roles (`-RoleMemberType ServicePrincipal`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ServicePrincipal {
    pub object_id: Uuid,
    pub app_principal_id: Uuid,
    pub display_name: String,
    #[serde(default = "enabled")]
    pub account_enabled: bool,
    /// `appClass` or `appClass/host` names, or URLs (Get-MsolServicePrincipal's documentation).
    #[serde(default)]
    pub service_principal_names: Vec<String>,
    /// Reply addresses (MSOnline's RedirectUri objects of type Reply; Graph's replyUrls).
    #[serde(default)]
    pub addresses: Vec<String>,
    #[serde(default)]
    pub trusted_for_delegation: bool,
}

fn enabled() -> bool {
    true
}

/// MSOnline's `AddressType` of a service principal's address (New-MsolServicePrincipalAddresses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AddressType {
    Reply,
    Realm,
    Error,
    Other,
    SamlMetadata,
    SamlLogout,
}

/// MSOnline's `ServicePrincipalCredentialType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum CredentialType {
    Symmetric,
    Asymmetric,
    Password,
}

/// MSOnline's `ServicePrincipalCredentialUsage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum CredentialUsage {
    Sign,
    Verify,
}

/// A service principal's credential key. `Value` is kept only for certificates (their public
/// part): symmetric keys and passwords are secrets, never stored or answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ServicePrincipalCredential {
    pub service_principal_object_id: Uuid,
    pub key_id: Uuid,
    #[serde(rename = "Type")]
    pub credential_type: CredentialType,
    pub usage: CredentialUsage,
    pub start_date: Timestamp,
    pub end_date: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DomainStatus {
    Unverified,
    Verified,
    PendingDeletion,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DomainAuthenticationType {
    Managed,
    Federated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DomainVerificationMethod {
    None,
    DnsRecord,
    Email,
}

/// MSOnline's `DomainCapabilities` flags, as the comma-separated names .NET prints for a flags enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DomainCapability {
    None,
    Email,
    Sharepoint,
    OfficeCommunicationsOnline,
    SharepointDefault,
    FullRedelegation,
    SharePointPublic,
    OrgIdAuthentication,
    Yammer,
    Intune,
    All,
}

/// `Microsoft.Online.Administration.Domain`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Domain {
    pub name: String,
    pub status: DomainStatus,
    pub authentication: DomainAuthenticationType,
    /// The capabilities this domain has; MSOnline printed them as a flags enum ("Email, OfficeCommunicationsOnline").
    pub capabilities: Vec<DomainCapability>,
    pub is_default: bool,
    pub is_initial: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_domain: Option<String>,
    pub verification_method: DomainVerificationMethod,
}

/// `Microsoft.Online.Administration.DomainRecord`: a DNS record to publish so that
/// Confirm-MsolDomain can verify a domain. *Choice*: one type for both kinds (MSOnline had a TXT
/// and an MX subtype): `Text` for a TXT record, `MailExchange` and `Preference` for an MX record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DomainRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<Uuid>,
    /// The DNS name the record goes at: the domain itself.
    pub label: String,
    pub ttl: i32,
    #[serde(default)]
    pub is_optional: bool,
    /// The service that needs the record: None for verification.
    pub capability: DomainCapability,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_exchange: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preference: Option<i32>,
}

/// `Microsoft.Online.Administration.PasswordPolicy`: a verified domain's password expiry, in days.
/// Left out (null in the module) means the service default (90 and 14 days,
/// Get-MsolPasswordPolicy's documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Days a password stays valid; 2147483647 means passwords never expire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period: Option<u32>,
    /// Days before expiry that users are first told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_days: Option<u32>,
}

/// `Microsoft.Online.Administration.CompanyInformation` (the properties a tenant of its own can hold).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CompanyInformation {
    pub object_id: Uuid,
    pub display_name: String,
    pub initial_domain: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_letter_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_usage_location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_language: Option<String>,
    #[serde(default)]
    pub technical_notification_emails: Vec<String>,
    #[serde(default)]
    pub marketing_notification_emails: Vec<String>,
    #[serde(default)]
    pub security_compliance_notification_emails: Vec<String>,
    #[serde(default)]
    pub security_compliance_notification_phones: Vec<String>,
    #[serde(default)]
    pub directory_synchronization_enabled: bool,
    pub directory_synchronization_status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_dir_sync_time: Option<Timestamp>,
    #[serde(default)]
    pub password_synchronization_enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_password_sync_time: Option<Timestamp>,
    // The settings Set-MsolCompanySettings changes (Graph's authorizationPolicy). Each is left out
    // when the backend cannot read it (Graph refused the policy), never guessed; a tenant file
    // without one has the service default.
    #[serde(default = "unset", skip_serializing_if = "Option::is_none")]
    pub self_serve_password_reset_enabled: Option<bool>,
    #[serde(default = "set", skip_serializing_if = "Option::is_none")]
    pub users_permission_to_create_groups_enabled: Option<bool>,
    #[serde(default = "set", skip_serializing_if = "Option::is_none")]
    pub users_permission_to_create_lob_apps_enabled: Option<bool>,
    #[serde(default = "set", skip_serializing_if = "Option::is_none")]
    pub users_permission_to_read_other_users_enabled: Option<bool>,
    #[serde(default = "set", skip_serializing_if = "Option::is_none")]
    pub users_permission_to_user_consent_to_app_enabled: Option<bool>,
    /// Users may sign up for email-based (self-service) subscriptions.
    #[serde(default = "set", skip_serializing_if = "Option::is_none")]
    pub allow_ad_hoc_subscriptions: Option<bool>,
    /// Users may join the tenant by verifying an email address in one of its domains.
    #[serde(default = "set", skip_serializing_if = "Option::is_none")]
    pub allow_email_verified_users: Option<bool>,
    pub company_type: String,
    pub when_created: Timestamp,
}

/// A subscribed SKU as the tenant stores it; `AccountSKU` adds the consumed count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Subscription {
    pub sku_id: Uuid,
    pub sku_part_number: String,
    pub active_units: i32,
    #[serde(default)]
    pub warning_units: i32,
    #[serde(default)]
    pub suspended_units: i32,
    pub service_plans: Vec<ServicePlan>,
    #[serde(default)]
    pub subscription_ids: Vec<Uuid>,
    /// The commercial subscriptions behind the units (Get-MsolSubscription); their ids are the
    /// SubscriptionIds and their licences add up to the units by status. A tenant file without
    /// them gets one that holds every unit (`licensing::complete_terms`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<SubscriptionTerm>,
}

/// MSOnline's `SubscriptionStatus`, Graph's companySubscription `status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum SubscriptionStatus {
    Enabled,
    Warning,
    Suspended,
    Deleted,
    LockedOut,
}

/// One commercial subscription of a SKU as the tenant stores it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SubscriptionTerm {
    pub object_id: Uuid,
    pub status: SubscriptionStatus,
    pub total_licenses: i32,
    #[serde(default)]
    pub is_trial: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    /// When the subscription moves to its next status unless renewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_lifecycle_date: Option<Timestamp>,
    /// Its id in the commerce system (Graph's commerceSubscriptionId).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocp_subscription_id: Option<Uuid>,
}

/// `Microsoft.Online.Administration.Subscription` (Get-MsolSubscription): one commercial
/// subscription with its SKU and services.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CompanySubscription {
    pub object_id: Uuid,
    pub sku_id: Uuid,
    pub sku_part_number: String,
    pub status: SubscriptionStatus,
    pub total_licenses: i32,
    pub is_trial: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_lifecycle_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocp_subscription_id: Option<Uuid>,
    /// The partner tenant that created the subscription, if one did (Graph's ownerTenantId).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_context_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_object_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_type: Option<String>,
    pub service_status: Vec<ServiceStatus>,
}

/// `Microsoft.Online.Administration.AccountSKU`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AccountSku {
    pub account_name: String,
    pub account_object_id: Uuid,
    pub account_sku_id: String,
    pub sku_id: Uuid,
    pub sku_part_number: String,
    pub active_units: i32,
    pub consumed_units: i32,
    pub warning_units: i32,
    pub suspended_units: i32,
    pub locked_out_units: i32,
    pub target_class: SkuTargetClass,
    pub service_status: Vec<ServiceStatus>,
    pub subscription_ids: Vec<Uuid>,
}

/// How a device is joined (MSOnline's DeviceTrustType; Graph's `trustType` Workplace, AzureAd,
/// ServerAd). The texts are those of Get-MsolDevice's documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DeviceTrustType {
    /// A personal device registered by its user (bring your own device).
    #[serde(rename = "Workplace Joined")]
    WorkplaceJoined,
    /// A device joined to Microsoft Entra ID only.
    #[serde(rename = "AzureAD Joined")]
    AzureAdJoined,
    /// A device joined to on-premises Active Directory and registered with Entra ID (hybrid).
    #[serde(rename = "Domain Joined")]
    DomainJoined,
}

/// How far a device is trusted (MSOnline's DeviceTrustLevel): managed by an MDM app, compliant
/// with its policies, or merely authenticated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DeviceTrustLevel {
    Authenticated,
    Compliant,
    Managed,
}

/// `Microsoft.Online.Administration.Device`: a device registered in the directory. Devices are
/// registered by their users or joined by Windows, Intune or on-premises synchronization;
/// MSOnline could only read, enable, disable and remove them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Device {
    pub object_id: Uuid,
    /// The identifier the device registration service gave the device.
    pub device_id: Uuid,
    pub display_name: String,
    /// Whether the device may sign in (Enable-MsolDevice, Disable-MsolDevice).
    pub enabled: bool,
    #[serde(default)]
    pub device_object_version: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_os_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_os_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_trust_type: Option<DeviceTrustType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_trust_level: Option<DeviceTrustLevel>,
    /// Identifiers such as `[HWID]:h:…`, `[USER-GID]:…`, `[ZTDID]:…` (Windows Autopilot).
    #[serde(default)]
    pub device_physical_ids: Vec<String>,
    /// When the device last signed in, roughly (the service updates it at most every 14 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_last_logon_timestamp: Option<Timestamp>,
    /// The device's keys, as text: `X509:<SHA1-TP-PUBKEY>…` once a hybrid-joined device has
    /// registered its certificate (Microsoft's hybrid-join checks test exactly that prefix).
    #[serde(default)]
    pub alternative_security_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir_sync_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_dir_sync_time: Option<Timestamp>,
    /// The user principal names of the device's registered owners: filled by
    /// `-ReturnRegisteredOwners` (and `-RegisteredOwnerUpn`), else empty, as in MSOnline.
    #[serde(default)]
    pub registered_owners: Vec<String>,
}

/// A directory synchronization feature, by MSOnline's name (Get-MsolDirSyncFeatures,
/// Set-MsolDirSyncFeature); each is one of Graph's onPremisesDirectorySynchronizationFeature flags.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum DirSyncFeature {
    BlockCloudObjectTakeoverThroughHardMatch,
    BlockSoftMatch,
    DeviceWriteback,
    DirectoryExtensions,
    DuplicateProxyAddressResiliency,
    #[serde(rename = "DuplicateUPNResiliency")]
    DuplicateUpnResiliency,
    EnableSoftMatchOnUpn,
    EnforceCloudPasswordPolicyForPasswordSyncedUsers,
    PasswordSync,
    SynchronizeUpnForManagedUsers,
    UnifiedGroupWriteback,
    UserWriteback,
}

/// One feature and whether it is on: what Get-MsolDirSyncFeatures lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DirSyncFeatureStatus {
    pub dir_sync_feature: DirSyncFeature,
    pub enabled: bool,
}

/// How synchronization guards against deleting many objects at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DeletionPreventionType {
    Disabled,
    EnabledForCount,
    EnabledForPercentage,
}

/// Get-MsolDirSyncConfiguration's answer: the accidental deletion guard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DirSyncConfiguration {
    /// How many deletions (or what percentage) in one export stop it.
    pub accidental_deletion_threshold: u32,
    pub deletion_prevention_type: DeletionPreventionType,
}

/// Synchronization's features and configuration, as a tenant keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DirSyncSettings {
    /// Every feature, once, in name order.
    pub features: Vec<DirSyncFeatureStatus>,
    pub configuration: DirSyncConfiguration,
}

/// Who may register or join devices (MSOnline's `Scope`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DeviceRegistrationScope {
    All,
    None,
    /// Only the users and groups the policy names (chosen in the Entra admin center).
    Selected,
}

/// `Microsoft.Online.Administration.DeviceRegistrationServicePolicy`: the tenant's device
/// registration settings (Get-, Set-MsolDeviceRegistrationServicePolicy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DeviceRegistrationServicePolicy {
    pub maximum_devices_per_user: i32,
    /// Whether registering or joining a device asks for multi-factor authentication.
    pub require_multi_factor_auth: bool,
    /// Who may register personal devices (workplace join).
    pub allowed_to_workplace_join: DeviceRegistrationScope,
    /// Who may join devices to Microsoft Entra ID.
    pub allowed_to_azure_ad_join: DeviceRegistrationScope,
    /// With Selected: the users who may join devices, by ObjectId.
    #[serde(default)]
    pub users: Vec<Uuid>,
    /// With Selected: the groups whose members may join devices, by ObjectId.
    #[serde(default)]
    pub groups: Vec<Uuid>,
}

/// `Microsoft.Online.Administration.AdministrativeUnit`: a part of the directory (a region, a
/// school, a department) whose users, groups and devices administrators can be given roles over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AdministrativeUnit {
    pub object_id: Uuid,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// What an administrative unit's member is. MSOnline added users; Microsoft Entra ID also
/// takes groups and devices, which a unit made elsewhere may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AdministrativeUnitMemberType {
    User,
    Group,
    Device,
}

/// `Microsoft.Online.Administration.AdministrativeUnitMember`. MSOnline's documentation lists
/// DisplayName, EmailAddress and ObjectId; the member's type is the bridge's addition
/// (UNCONFIRMED in MSOnline), as units now hold groups and devices too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AdministrativeUnitMember {
    pub object_id: Uuid,
    pub administrative_unit_member_type: AdministrativeUnitMemberType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A user's principal name, or a group's mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
}

/// `Microsoft.Online.Administration.RoleScopedMember`: a user who holds a role over one
/// administrative unit. MSOnline's documentation lists DisplayName, UserPrincipalName and
/// ObjectId; the role and the unit are the bridge's additions (UNCONFIRMED in MSOnline), since a
/// listing over every unit or every role needs them to say which assignment a row is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RoleScopedMember {
    pub object_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    /// The role, by its ObjectId (its template id, as Get-MsolRole gives it).
    pub role_object_id: Uuid,
    pub administrative_unit_object_id: Uuid,
}

/// One value a settings template defines (Graph's settingTemplateValue): its name, its .NET type
/// (`System.Boolean`, `System.Guid`, `System.Int32`, `System.String`), its default and meaning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SettingTemplateValue {
    pub name: String,
    #[serde(rename = "Type")]
    pub value_type: String,
    pub default_value: String,
    pub description: String,
}

/// `Microsoft.Online.Administration.SettingTemplate`: a Microsoft-defined set of directory
/// settings (Get-MsolAllSettingTemplate), from which a setting is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SettingTemplate {
    pub id: Uuid,
    pub display_name: String,
    pub description: String,
    pub values: Vec<SettingTemplateValue>,
}

/// One name and its value, as text (Graph's settingValue).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SettingValue {
    pub name: String,
    pub value: String,
}

/// `Microsoft.Online.Administration.Settings`: a directory setting made from a template, for the
/// tenant or for one group; every value of its template, in the template's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DirectorySetting {
    pub id: Uuid,
    /// The template's display name (`Group.Unified`).
    pub display_name: String,
    pub template_id: Uuid,
    pub values: Vec<SettingValue>,
}

/// What a directory setting belongs to besides the tenant (MSOnline's `TargetType`). Microsoft
/// Entra ID keeps settings for the tenant and for groups only; the other types are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum SettingTargetType {
    Groups,
    Users,
    ServicePrincipals,
    Applications,
    Devices,
}

/// How a federated domain's identity provider is reached (MSOnline's `AuthenticationProtocol`;
/// Graph's `wsFed` and `saml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AuthenticationProtocol {
    WsFed,
    Samlp,
}

/// What Entra sends the identity provider for `prompt=login` (MSOnline's `PromptLoginBehavior`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum PromptLoginBehavior {
    TranslateToFreshPasswordAuth,
    NativeSupport,
    Disabled,
}

/// `Microsoft.Online.Administration.DomainFederationSettings`: how a federated domain's users
/// sign in at its identity provider (Graph's internalDomainFederation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DomainFederationSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_log_on_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federation_brand_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_off_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata_exchange_uri: Option<String>,
    /// Base64 of the certificate's DER form, as the identity provider publishes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_signing_certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passive_log_on_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_authentication_protocol: Option<AuthenticationProtocol>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_login_behavior: Option<PromptLoginBehavior>,
    /// Whether multi-factor authentication is left to the identity provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_mfa: Option<bool>,
    /// The result of the last automatic signing certificate update (`Success`, `Failure`), as the
    /// service reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_certificate_update_status: Option<String>,
}
