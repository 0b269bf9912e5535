//! MSOnline's faults: what went wrong, in the terms scripts match on.
//!
//! Each variant maps to one stable code (the fault type's short name, which the PowerShell module
//! turns into `Microsoft.Online.Administration.Automation.<Code>`), an HTTP status and a message
//! that names the field and, where there is a closed set, the allowed values. Messages begin with
//! MSOnline's exact text where it is known (reference/msonline.md section 5).

#[derive(Debug, thiserror::Error)]
pub enum Fault {
    #[error("User Not Found.  User: {0}.")]
    UserNotFound(String),
    /// `Invalid value for parameter.` (PropertyValidationException).
    #[error("Invalid value for parameter.  Parameter Name: {field}. {reason}{}", allowed_sentence(.allowed))]
    InvalidValue {
        field: String,
        reason: String,
        allowed: Vec<String>,
    },
    /// A required property is missing (MSOnline's text for UsageLocation: "You must provide a required property").
    #[error("You must provide a required property: Parameter name: {field}. {reason}")]
    Required { field: String, reason: String },
    /// A value that must be unique is repeated (UniquenessValidationException).
    #[error("Invalid value for parameter.  Parameter Name: {field}. {reason}")]
    NotUnique { field: String, reason: String },
    /// UNCONFIRMED fault name: MSOnline's "Unable to update parameter." for read-only and synchronized properties.
    #[error("Unable to update parameter. Parameter name: {field}. {reason}")]
    NotSettable { field: String, reason: String },
    #[error("A user with the user principal name {0} already exists.")]
    UserAlreadyExists(String),
    #[error("The user cannot be restored. {0}")]
    RestoreNotAllowed(String),
    #[error("There are no free licenses of {sku}: all {active} are assigned.")]
    LicenseQuotaExceeded { sku: String, active: i32 },
    #[error("Invalid value for parameter.  Parameter Name: {field}. {reason}{}", allowed_sentence(.allowed))]
    InvalidLicense {
        field: String,
        reason: String,
        allowed: Vec<String>,
    },
    #[error("Role not found.  Role: {0}.")]
    RoleNotFound(String),
    #[error("The role member you are trying to add is already a member of this role.")]
    RoleMemberAlreadyExists,
    #[error("The role member you are trying to delete is not a member of this role.")]
    RoleMemberNotFound,
    #[error("Group not found.  Group: {0}.")]
    GroupNotFound(String),
    /// UNCONFIRMED fault name and text: MSOnline's for a repeated Add-MsolGroupMember were not
    /// found; named after its role-member twin.
    #[error("The group member you are trying to add is already a member of this group.")]
    GroupMemberAlreadyExists,
    /// UNCONFIRMED fault name and text, as for `GroupMemberAlreadyExists`.
    #[error("The group member you are trying to delete is not a member of this group.")]
    GroupMemberNotFound,
    /// UNCONFIRMED fault name and text: Get-MsolContact's for an unknown ObjectId were not
    /// found; named after the other not-found faults.
    #[error("Contact not found.  Contact: {0}.")]
    ContactNotFound(String),
    #[error("Domain not found.  Domain: {0}.")]
    DomainNotFound(String),
    /// A device that is not in the directory: MSOnline's fault name is UNCONFIRMED, named after
    /// the other not-found faults.
    #[error("Device not found.  Device: {0}.")]
    DeviceNotFound(String),
    /// MSOnline's ObjectAlreadyExistsException (a fault contract of its service); the text is
    /// the bridge's.
    #[error("{0}")]
    ObjectAlreadyExists(String),
    /// Remove-MsolDomain's refusal while objects use the domain: MSOnline's text; the fault name
    /// is UNCONFIRMED.
    #[error("{0}")]
    DomainInUse(String),
    /// UNCONFIRMED fault name and text: Confirm-MsolDomain's when no record proves control were
    /// not found.
    #[error("{0}")]
    DomainVerificationFailed(String),
    /// UNCONFIRMED fault name and text: Get-MsolSubscription's for an unknown SubscriptionId
    /// were not found; named after the other not-found faults.
    #[error("Subscription not found.  Subscription: {0}.")]
    SubscriptionNotFound(String),
    /// UNCONFIRMED fault name and text, named after the other not-found faults.
    #[error("Service principal not found.  Service principal: {0}.")]
    ServicePrincipalNotFound(String),
    /// UNCONFIRMED fault name and text, named after the other not-found faults.
    #[error("Administrative unit not found.  Administrative unit: {0}.")]
    AdministrativeUnitNotFound(String),
    /// UNCONFIRMED fault name and text, named after their role-member twins.
    #[error("The member you are trying to add is already a member of this administrative unit.")]
    AdministrativeUnitMemberAlreadyExists,
    #[error("The member you are trying to delete is not a member of this administrative unit.")]
    AdministrativeUnitMemberNotFound,
    /// UNCONFIRMED fault names and texts, named after the other not-found faults.
    #[error("Setting not found.  Setting: {0}.")]
    SettingNotFound(String),
    #[error("Setting template not found.  Setting template: {0}.")]
    SettingTemplateNotFound(String),
    /// Directory synchronization cannot be switched now (MSOnline's
    /// DirSyncStatusChangeNotAllowedException, whose text for this case was not found: the
    /// message says what stands in the way and until when).
    #[error("{0}")]
    DirSyncStatusChangeNotAllowed(String),
    #[error("Access Denied. You do not have permissions to call this cmdlet. {0}")]
    AccessDenied(String),
    /// Microsoft Graph refused or could not complete a request; the message keeps Graph's code
    /// and request id for support.
    #[error("{message}")]
    Service { status: u16, message: String },
    #[error("{0}")]
    Unexpected(#[from] anyhow::Error),
}

fn allowed_sentence(allowed: &[String]) -> String {
    if allowed.is_empty() {
        String::new()
    } else {
        format!(" Allowed values: {}.", allowed.join(", "))
    }
}

impl Fault {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Fault {
        Fault::InvalidValue {
            field: field.into(),
            reason: reason.into(),
            allowed: Vec::new(),
        }
    }

    pub fn invalid_choice(
        field: impl Into<String>,
        reason: impl Into<String>,
        allowed: &[&str],
    ) -> Fault {
        Fault::InvalidValue {
            field: field.into(),
            reason: reason.into(),
            allowed: allowed.iter().map(|a| a.to_string()).collect(),
        }
    }

    /// The stable code: the short name of MSOnline's fault type.
    pub fn code(&self) -> &'static str {
        match self {
            Fault::UserNotFound(_) => "UserNotFoundException",
            Fault::InvalidValue { .. } => "PropertyValidationException",
            Fault::Required { .. } => "RequiredPropertyNotSetException",
            Fault::NotUnique { .. } => "UniquenessValidationException",
            Fault::NotSettable { .. } => "PropertyNotSettableException",
            Fault::UserAlreadyExists(_) => "UserAlreadyExistsException",
            Fault::RestoreNotAllowed(_) => "RestoreUserNotAllowedException",
            Fault::LicenseQuotaExceeded { .. } => "LicenseQuotaExceededException",
            Fault::InvalidLicense { .. } => "InvalidLicenseConfigurationException",
            Fault::RoleNotFound(_) => "RoleNotFoundException",
            Fault::RoleMemberAlreadyExists => "RoleMemberAlreadyExistsException",
            Fault::RoleMemberNotFound => "RoleMemberNotFoundException",
            Fault::GroupNotFound(_) => "GroupNotFoundException",
            Fault::GroupMemberAlreadyExists => "GroupMemberAlreadyExistsException",
            Fault::GroupMemberNotFound => "GroupMemberNotFoundException",
            Fault::ContactNotFound(_) => "ContactNotFoundException",
            Fault::DomainNotFound(_) => "DomainNotFoundException",
            Fault::DeviceNotFound(_) => "DeviceNotFoundException",
            Fault::ObjectAlreadyExists(_) => "ObjectAlreadyExistsException",
            Fault::DomainVerificationFailed(_) => "DomainVerificationFailedException",
            Fault::DomainInUse(_) => "DomainInUseException",
            Fault::SubscriptionNotFound(_) => "SubscriptionNotFoundException",
            Fault::ServicePrincipalNotFound(_) => "ServicePrincipalNotFoundException",
            Fault::AdministrativeUnitNotFound(_) => "AdministrativeUnitNotFoundException",
            Fault::AdministrativeUnitMemberAlreadyExists => {
                "AdministrativeUnitMemberAlreadyExistsException"
            }
            Fault::AdministrativeUnitMemberNotFound => "AdministrativeUnitMemberNotFoundException",
            Fault::SettingNotFound(_) => "SettingNotFoundException",
            Fault::SettingTemplateNotFound(_) => "SettingTemplateNotFoundException",
            Fault::DirSyncStatusChangeNotAllowed(_) => "DirSyncStatusChangeNotAllowedException",
            Fault::AccessDenied(_) => "AccessDeniedException",
            Fault::Service { .. } | Fault::Unexpected(_) => "MicrosoftOnlineException",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            Fault::UserNotFound(_)
            | Fault::RoleNotFound(_)
            | Fault::GroupNotFound(_)
            | Fault::DomainNotFound(_)
            | Fault::DeviceNotFound(_)
            | Fault::ContactNotFound(_)
            | Fault::SubscriptionNotFound(_)
            | Fault::ServicePrincipalNotFound(_)
            | Fault::AdministrativeUnitNotFound(_)
            | Fault::AdministrativeUnitMemberNotFound
            | Fault::SettingNotFound(_)
            | Fault::SettingTemplateNotFound(_)
            | Fault::RoleMemberNotFound
            | Fault::GroupMemberNotFound => 404,
            Fault::InvalidValue { .. }
            | Fault::Required { .. }
            | Fault::NotUnique { .. }
            | Fault::NotSettable { .. }
            | Fault::InvalidLicense { .. } => 400,
            Fault::UserAlreadyExists(_)
            | Fault::ObjectAlreadyExists(_)
            | Fault::DomainVerificationFailed(_)
            | Fault::DomainInUse(_)
            | Fault::RestoreNotAllowed(_)
            | Fault::LicenseQuotaExceeded { .. }
            | Fault::RoleMemberAlreadyExists
            | Fault::GroupMemberAlreadyExists
            | Fault::AdministrativeUnitMemberAlreadyExists
            | Fault::DirSyncStatusChangeNotAllowed(_) => 409,
            Fault::AccessDenied(_) => 403,
            Fault::Service { status, .. } => *status,
            Fault::Unexpected(_) => 500,
        }
    }

    /// The request field the fault is about, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Fault::InvalidValue { field, .. }
            | Fault::Required { field, .. }
            | Fault::NotUnique { field, .. }
            | Fault::NotSettable { field, .. }
            | Fault::InvalidLicense { field, .. } => Some(field),
            _ => None,
        }
    }

    pub fn allowed(&self) -> &[String] {
        match self {
            Fault::InvalidValue { allowed, .. } | Fault::InvalidLicense { allowed, .. } => allowed,
            _ => &[],
        }
    }
}

pub type FaultResult<T> = Result<T, Fault>;
