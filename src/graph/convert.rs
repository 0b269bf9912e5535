//! Graph's shapes to MSOnline's: users with their authentication facts, roles, members, groups,
//! domains, the company and the licence catalog (reference/graph.md sections 1 to 4).

use serde_json::{json, Value};
use uuid::Uuid;

use crate::domain::licensing::{self, LicenseCatalog};
use crate::domain::model::{
    AdministrativeUnit, AdministrativeUnitMember, AdministrativeUnitMemberType, CompanyInformation,
    CompanySubscription, Contact, CredentialType, CredentialUsage, Device, DeviceRegistrationScope,
    DeviceRegistrationServicePolicy, DeviceTrustLevel, DeviceTrustType, DirSyncConfiguration,
    DirSyncFeatureStatus, DirSyncProvisioningError, DirSyncSettings, DirectorySetting, Domain,
    DomainAuthenticationType, DomainCapability, DomainRecord, DomainStatus,
    DomainVerificationMethod, Group, GroupMember, GroupMemberType, GroupType, MethodType,
    NotificationType, PasswordPolicy, PhoneAppAuthenticationType, ProvisioningStatus,
    RequirementState, Role, RoleMember, RoleMemberType, RoleScopedMember, ServicePlan,
    ServicePrincipal, ServicePrincipalCredential, ServiceStatus, SettingTemplate,
    SettingTemplateValue, SettingValue, SkuTargetClass, StrongAuthenticationMethod,
    StrongAuthenticationPhoneAppDetail, StrongAuthenticationRequirement,
    StrongAuthenticationUserDetails, Subscription, SubscriptionStatus, User, UserType,
    ValidationErrorEntry,
};
use crate::domain::time::Timestamp;
use crate::domain::{dir_sync_features, roles};

/// The user properties the bridge reads (`$select`): everything MSOnline's User shows that Graph has.
pub const USER_SELECT: &str = "id,userPrincipalName,displayName,givenName,surname,jobTitle,department,officeLocation,streetAddress,city,state,postalCode,country,businessPhones,mobilePhone,faxNumber,preferredLanguage,preferredDataLocation,usageLocation,accountEnabled,passwordPolicies,otherMails,proxyAddresses,userType,createdDateTime,lastPasswordChangeDateTime,signInSessionsValidFromDateTime,onPremisesSyncEnabled,onPremisesLastSyncDateTime,onPremisesImmutableId,onPremisesProvisioningErrors,assignedLicenses,deletedDateTime";

pub const MOBILE: &str = "mobile";
pub const ALTERNATE_MOBILE: &str = "alternateMobile";
pub const OFFICE: &str = "office";

/// A registered phone as Graph shows it to this caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    pub id: String,
    pub phone_type: String,
    pub number: String,
}

impl Phone {
    /// An Authentication Administrator sees numbers with digits hidden; such a number can be
    /// neither compared nor written back.
    pub fn is_masked(&self) -> bool {
        // Extensions use a lowercase `x`; masks hide digits behind `X` or `*`.
        let subscriber = self
            .number
            .split_once(' ')
            .map_or(self.number.as_str(), |(_, rest)| rest);
        subscriber.contains(['X', '*'])
    }
}

/// Which phone channels the tenant's authentication methods policy allows: a registered phone
/// can be used by text only while SMS is enabled, by call only while voice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhoneChannels {
    pub sms: bool,
    pub voice: bool,
}

impl Default for PhoneChannels {
    /// Both, when the policy could not be read.
    fn default() -> PhoneChannels {
        PhoneChannels {
            sms: true,
            voice: true,
        }
    }
}

/// What `/authentication` says about one user.
#[derive(Clone, Debug, Default)]
pub struct AuthFacts {
    /// The tenant's phone channels, which decide the method types a phone shows as.
    pub channels: PhoneChannels,
    /// `perUserMfaState`; `None` when it could not be read.
    pub state: Option<String>,
    pub phones: Vec<Phone>,
    /// Microsoft Authenticator methods: (id, displayName, deviceTag, phoneAppVersion).
    pub authenticators: Vec<Value>,
    pub software_oath: Vec<Value>,
    /// Hardware OATH tokens (beta): their ids, and whether each is activated (`None` until the
    /// token's device was read: the methods listing does not say).
    pub hardware_oath: Vec<(String, Option<bool>)>,
    pub email: Option<String>,
    pub preferred: Option<String>,
}

impl AuthFacts {
    pub fn from_methods(state: Option<String>, methods: &Value, preferences: &Value) -> AuthFacts {
        let mut facts = AuthFacts {
            state,
            preferred: preferences["userPreferredMethodForSecondaryAuthentication"]
                .as_str()
                .map(str::to_string),
            ..AuthFacts::default()
        };
        for method in methods["value"].as_array().into_iter().flatten() {
            match method["@odata.type"].as_str().unwrap_or("") {
                "#microsoft.graph.phoneAuthenticationMethod" => facts.phones.push(Phone {
                    id: method["id"].as_str().unwrap_or("").to_string(),
                    phone_type: method["phoneType"].as_str().unwrap_or("").to_string(),
                    number: method["phoneNumber"].as_str().unwrap_or("").to_string(),
                }),
                "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod" => {
                    facts.authenticators.push(method.clone())
                }
                "#microsoft.graph.softwareOathAuthenticationMethod" => {
                    facts.software_oath.push(method.clone())
                }
                "#microsoft.graph.hardwareOathAuthenticationMethod" => facts
                    .hardware_oath
                    .push((method["id"].as_str().unwrap_or("").to_string(), None)),
                "#microsoft.graph.emailAuthenticationMethod" => {
                    facts.email = method["emailAddress"].as_str().map(str::to_string)
                }
                _ => {}
            }
        }
        facts
    }

    pub fn phone(&self, phone_type: &str) -> Option<&Phone> {
        self.phones.iter().find(|p| p.phone_type == phone_type)
    }
}

/// The MSOnline method type a `userPreferredMethodForSecondaryAuthentication` value stands for.
pub fn method_of_preference(preference: &str) -> Option<MethodType> {
    Some(match preference {
        "sms" => MethodType::OneWaySms,
        "voiceMobile" => MethodType::TwoWayVoiceMobile,
        "voiceAlternateMobile" => MethodType::TwoWayVoiceAlternateMobile,
        "voiceOffice" => MethodType::TwoWayVoiceOffice,
        "push" => MethodType::PhoneAppNotification,
        "oath" => MethodType::PhoneAppOtp,
        _ => return None,
    })
}

/// `userPreferredMethodForSecondaryAuthentication` for an MSOnline method type (reference/graph.md 2.4).
pub fn preferred_method_name(method: MethodType) -> &'static str {
    match method {
        MethodType::OneWaySms => "sms",
        MethodType::TwoWayVoiceMobile => "voiceMobile",
        MethodType::TwoWayVoiceAlternateMobile => "voiceAlternateMobile",
        MethodType::TwoWayVoiceOffice => "voiceOffice",
        MethodType::PhoneAppNotification => "push",
        MethodType::PhoneAppOtp => "oath",
    }
}

fn text(value: &Value, key: &str) -> Option<String> {
    value[key]
        .as_str()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn texts(value: &Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn time(value: &Value, key: &str) -> Option<Timestamp> {
    value[key].as_str().and_then(Timestamp::parse)
}

/// When a synchronized object (user, group, contact) last synchronized: Graph keeps
/// `onPremisesLastSyncDateTime` after synchronization is turned off, when `onPremisesSyncEnabled`
/// turns false and the object is cloud-only, as MSOnline then showed it.
pub fn synchronized_at(object: &Value) -> Option<Timestamp> {
    (object["onPremisesSyncEnabled"] == Value::Bool(true))
        .then(|| time(object, "onPremisesLastSyncDateTime"))
        .flatten()
}

/// What a contact listing reads of each orgContact (graph/api/resources/orgcontact).
/// An onPremisesDirectorySynchronization object as MSOnline's features and configuration; a flag
/// Graph leaves out is off, and a guard it leaves out is the default one.
pub fn dir_sync_settings(object: &Value) -> DirSyncSettings {
    let features = &object["features"];
    let guard = &object["configuration"]["accidentalDeletionPrevention"];
    let defaults = dir_sync_features::defaults().configuration;
    DirSyncSettings {
        features: dir_sync_features::FEATURES
            .iter()
            .map(|(feature, flag)| DirSyncFeatureStatus {
                dir_sync_feature: *feature,
                enabled: features[*flag].as_bool().unwrap_or(false),
            })
            .collect(),
        configuration: DirSyncConfiguration {
            accidental_deletion_threshold: guard["alertThreshold"]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(defaults.accidental_deletion_threshold),
            deletion_prevention_type: guard["synchronizationPreventionType"]
                .as_str()
                .and_then(dir_sync_features::prevention_type_of)
                .unwrap_or(defaults.deletion_prevention_type),
        },
    }
}

/// A deviceRegistrationMembership of a scope (graph/api/resources/deviceregistrationmembership):
/// everyone, no one, or the users and groups named.
pub fn registration_membership(
    scope: DeviceRegistrationScope,
    users: &[Uuid],
    groups: &[Uuid],
) -> Value {
    match scope {
        DeviceRegistrationScope::All => {
            serde_json::json!({"@odata.type": "#microsoft.graph.allDeviceRegistrationMembership"})
        }
        DeviceRegistrationScope::None => {
            serde_json::json!({"@odata.type": "#microsoft.graph.noDeviceRegistrationMembership"})
        }
        DeviceRegistrationScope::Selected => serde_json::json!({
            "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership",
            "users": users,
            "groups": groups,
        }),
    }
}

/// A deviceRegistrationPolicy as MSOnline's DeviceRegistrationServicePolicy: Microsoft Entra join
/// is AllowedToAzureAdJoin (its enumerated users and groups are Users and Groups), Microsoft Entra
/// registered is AllowedToWorkplaceJoin.
pub fn device_registration_policy(policy: &Value) -> Option<DeviceRegistrationServicePolicy> {
    let scope =
        |membership: &Value| match membership["@odata.type"].as_str()?.trim_start_matches('#') {
            "microsoft.graph.allDeviceRegistrationMembership" => Some(DeviceRegistrationScope::All),
            "microsoft.graph.noDeviceRegistrationMembership" => Some(DeviceRegistrationScope::None),
            "microsoft.graph.enumeratedDeviceRegistrationMembership" => {
                Some(DeviceRegistrationScope::Selected)
            }
            _ => None,
        };
    let ids = |list: &Value| -> Vec<Uuid> {
        list.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let join = &policy["azureADJoin"]["allowedToJoin"];
    Some(DeviceRegistrationServicePolicy {
        maximum_devices_per_user: policy["userDeviceQuota"].as_i64()? as i32,
        require_multi_factor_auth: policy["multiFactorAuthConfiguration"] == "required",
        allowed_to_workplace_join: scope(&policy["azureADRegistration"]["allowedToRegister"])?,
        allowed_to_azure_ad_join: scope(join)?,
        users: ids(&join["users"]),
        groups: ids(&join["groups"]),
    })
}

/// What a device listing reads (graph/api/resources/device).
pub const DEVICE_SELECT: &str = "id,deviceId,displayName,accountEnabled,deviceVersion,operatingSystem,operatingSystemVersion,trustType,isManaged,isCompliant,physicalIds,approximateLastSignInDateTime,alternativeSecurityIds,onPremisesSyncEnabled,onPremisesLastSyncDateTime";

/// A Graph device as MSOnline's Device. Graph's trust types are Workplace, AzureAd and ServerAd;
/// the trust level is UNCONFIRMED: Managed when an MDM app manages the device, else Compliant
/// when it complies, else Authenticated. An alternative security id's `key` is the UTF-16 text
/// MSOnline showed (`X509:<SHA1-TP-PUBKEY>…`), base64-encoded; UNCONFIRMED beyond Microsoft's
/// hybrid-join checks, which test that text.
pub fn device(object: &Value) -> Option<Device> {
    let trust_type = match object["trustType"]
        .as_str()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("workplace") => Some(DeviceTrustType::WorkplaceJoined),
        Some("azuread") => Some(DeviceTrustType::AzureAdJoined),
        Some("serverad") => Some(DeviceTrustType::DomainJoined),
        _ => None,
    };
    let trust_level = match (
        object["isManaged"].as_bool(),
        object["isCompliant"].as_bool(),
    ) {
        (Some(true), _) => DeviceTrustLevel::Managed,
        (_, Some(true)) => DeviceTrustLevel::Compliant,
        _ => DeviceTrustLevel::Authenticated,
    };
    let alternative_security_ids = object["alternativeSecurityIds"]
        .as_array()
        .map(|ids| {
            ids.iter()
                .filter_map(|id| utf16_text(&msol_encoding::base64::decode(id["key"].as_str()?)?))
                .collect()
        })
        .unwrap_or_default();
    let owners = object["registeredOwners"]
        .as_array()
        .map(|owners| {
            owners
                .iter()
                .filter_map(|o| text(o, "userPrincipalName"))
                .collect()
        })
        .unwrap_or_default();
    Some(Device {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        device_id: Uuid::parse_str(object["deviceId"].as_str()?).ok()?,
        display_name: text(object, "displayName").unwrap_or_default(),
        enabled: object["accountEnabled"].as_bool().unwrap_or(false),
        device_object_version: object["deviceVersion"].as_i64().unwrap_or(0) as i32,
        device_os_type: text(object, "operatingSystem"),
        device_os_version: text(object, "operatingSystemVersion"),
        device_trust_type: trust_type,
        device_trust_level: Some(trust_level),
        device_physical_ids: texts(object, "physicalIds"),
        approximate_last_logon_timestamp: time(object, "approximateLastSignInDateTime"),
        alternative_security_ids,
        dir_sync_enabled: object["onPremisesSyncEnabled"].as_bool(),
        last_dir_sync_time: time(object, "onPremisesLastSyncDateTime"),
        registered_owners: owners,
    })
}

/// UTF-16LE bytes as text, when they are that.
fn utf16_text(bytes: &[u8]) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

pub const CONTACT_SELECT: &str = "id,displayName,givenName,surname,mail,jobTitle,department,addresses,phones,proxyAddresses,onPremisesSyncEnabled,onPremisesLastSyncDateTime,onPremisesProvisioningErrors,serviceProvisioningErrors";

/// An orgContact as MSOnline's Contact: its first address, and its phones by type (business,
/// mobile, businessFax).
pub fn contact(object: &Value) -> Option<Contact> {
    let address = &object["addresses"][0];
    let phone = |kind: &str| {
        object["phones"]
            .as_array()?
            .iter()
            .find(|p| p["type"] == kind)
            .and_then(|p| text(p, "number"))
    };
    let errors = service_provisioning_errors(object);
    Some(Contact {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        display_name: text(object, "displayName").unwrap_or_default(),
        email_address: text(object, "mail"),
        first_name: text(object, "givenName"),
        last_name: text(object, "surname"),
        title: text(object, "jobTitle"),
        department: text(object, "department"),
        office: text(address, "officeLocation"),
        street_address: text(address, "street"),
        city: text(address, "city"),
        state: text(address, "state"),
        postal_code: text(address, "postalCode"),
        country: text(address, "countryOrRegion"),
        phone_number: phone("business"),
        mobile_phone: phone("mobile"),
        fax: phone("businessFax"),
        user_principal_name: None,
        proxy_addresses: texts(object, "proxyAddresses"),
        last_dir_sync_time: synchronized_at(object),
        validation_status: crate::domain::contacts::validation_status(&errors),
        errors,
        dir_sync_provisioning_errors: provisioning_errors(object),
    })
}

/// Graph's serviceProvisioningErrors (serviceProvisioningXmlError: createdDateTime,
/// errorDetail, isResolved, serviceInstance) as MSOnline's validation errors.
pub fn service_provisioning_errors(object: &Value) -> Vec<ValidationErrorEntry> {
    object["serviceProvisioningErrors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| {
                    Some(ValidationErrorEntry {
                        error_detail: text(e, "errorDetail").unwrap_or_default(),
                        resolved: e["isResolved"] == Value::Bool(true),
                        service_instance: text(e, "serviceInstance").unwrap_or_default(),
                        timestamp: time(e, "createdDateTime")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Graph's onPremisesProvisioningErrors (graph/api/resources/onpremisesprovisioningerror) as
/// MSOnline's: Graph's `ProxyAddress` is MSOnline's `ProxyAddresses`.
pub fn provisioning_errors(object: &Value) -> Vec<DirSyncProvisioningError> {
    object["onPremisesProvisioningErrors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| {
                    let property = text(e, "propertyCausingError").unwrap_or_default();
                    Some(DirSyncProvisioningError {
                        error_category: text(e, "category").unwrap_or_default(),
                        property_name: if property.eq_ignore_ascii_case("ProxyAddress") {
                            "ProxyAddresses".to_string()
                        } else {
                            property
                        },
                        property_value: text(e, "value").unwrap_or_default(),
                        when_started: time(e, "occurredDateTime")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A servicePrincipal (graph/api/resources/serviceprincipal) as MSOnline's; `replyUrls` are its
/// Addresses.
pub fn service_principal(object: &Value) -> Option<ServicePrincipal> {
    Some(ServicePrincipal {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        app_principal_id: Uuid::parse_str(object["appId"].as_str()?).ok()?,
        display_name: text(object, "displayName").unwrap_or_default(),
        account_enabled: object["accountEnabled"] != Value::Bool(false),
        service_principal_names: texts(object, "servicePrincipalNames"),
        addresses: texts(object, "replyUrls"),
        trusted_for_delegation: false,
    })
}

/// A service principal's keyCredentials and passwordCredentials as MSOnline's credentials; a
/// password's secret is never answered by Graph, a certificate's key only on a single object.
pub fn service_principal_credentials(
    principal: Uuid,
    object: &Value,
) -> Vec<ServicePrincipalCredential> {
    let credential = |item: &Value, credential_type: CredentialType, value: Option<String>| {
        Some(ServicePrincipalCredential {
            service_principal_object_id: principal,
            key_id: Uuid::parse_str(item["keyId"].as_str()?).ok()?,
            credential_type,
            usage: if item["usage"] == "Sign" {
                CredentialUsage::Sign
            } else {
                CredentialUsage::Verify
            },
            start_date: time(item, "startDateTime")?,
            end_date: time(item, "endDateTime")?,
            value,
        })
    };
    let list = |key: &str| object[key].as_array().cloned().unwrap_or_default();
    let keys = list("keyCredentials").into_iter().filter_map(|item| {
        let credential_type = if item["type"] == "Symmetric" {
            CredentialType::Symmetric
        } else {
            CredentialType::Asymmetric
        };
        credential(&item, credential_type, text(&item, "key"))
    });
    let passwords = list("passwordCredentials")
        .into_iter()
        .filter_map(|item| credential(&item, CredentialType::Password, None));
    keys.chain(passwords).collect()
}

/// A companySubscription (graph/api/resources/companysubscription) as MSOnline's Subscription.
pub fn company_subscription(object: &Value) -> Option<CompanySubscription> {
    let id = |key: &str| object[key].as_str().and_then(|s| Uuid::parse_str(s).ok());
    Some(CompanySubscription {
        object_id: id("id")?,
        sku_id: id("skuId")?,
        sku_part_number: text(object, "skuPartNumber")?,
        status: match object["status"].as_str()? {
            "Enabled" => SubscriptionStatus::Enabled,
            "Warning" => SubscriptionStatus::Warning,
            "Suspended" => SubscriptionStatus::Suspended,
            "Deleted" => SubscriptionStatus::Deleted,
            "LockedOut" => SubscriptionStatus::LockedOut,
            _ => return None,
        },
        total_licenses: object["totalLicenses"].as_i64().unwrap_or(0) as i32,
        is_trial: object["isTrial"] == Value::Bool(true),
        date_created: time(object, "createdDateTime"),
        next_lifecycle_date: time(object, "nextLifecycleDateTime"),
        ocp_subscription_id: id("commerceSubscriptionId"),
        owner_context_id: id("ownerTenantId"),
        owner_object_id: id("ownerId"),
        owner_type: text(object, "ownerType"),
        service_status: object["serviceStatus"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|plan| {
                Some(ServiceStatus {
                    service_plan: ServicePlan {
                        service_name: text(plan, "servicePlanName")?,
                        service_plan_id: Uuid::parse_str(plan["servicePlanId"].as_str()?).ok()?,
                        service_type: text(plan, "servicePlanName")?,
                        target_class: SkuTargetClass::User,
                    },
                    provisioning_status: if plan["provisioningStatus"] == "Disabled" {
                        ProvisioningStatus::Disabled
                    } else {
                        ProvisioningStatus::Success
                    },
                })
            })
            .collect(),
    })
}

/// The licence catalog from `subscribedSkus`; Graph has no service type, so plans carry their name.
pub fn catalog(skus: &Value, account_name: String, account_object_id: Uuid) -> LicenseCatalog {
    let subscriptions = skus["value"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|sku| {
            let subscription = Subscription {
                sku_id: Uuid::parse_str(sku["skuId"].as_str()?).ok()?,
                sku_part_number: text(sku, "skuPartNumber")?,
                active_units: sku["prepaidUnits"]["enabled"].as_i64().unwrap_or(0) as i32,
                warning_units: sku["prepaidUnits"]["warning"].as_i64().unwrap_or(0) as i32,
                suspended_units: sku["prepaidUnits"]["suspended"].as_i64().unwrap_or(0) as i32,
                service_plans: sku["servicePlans"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|plan| {
                        Some(ServicePlan {
                            service_name: text(plan, "servicePlanName")?,
                            service_plan_id: Uuid::parse_str(plan["servicePlanId"].as_str()?)
                                .ok()?,
                            service_type: text(plan, "servicePlanName")?,
                            target_class: SkuTargetClass::User,
                        })
                    })
                    .collect(),
                subscription_ids: sku["subscriptionIds"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|id| Uuid::parse_str(id.as_str()?).ok())
                    .collect(),
                terms: Vec::new(),
            };
            Some((
                subscription,
                sku["consumedUnits"].as_i64().unwrap_or(0) as i32,
            ))
        })
        .collect();
    LicenseCatalog {
        account_name,
        account_object_id,
        subscriptions,
    }
}

/// A user's own user principal name. A deleted user's, as Graph stores it, is prefixed with its
/// object id without hyphens (what deleted users show in Entra); MSOnline showed the name itself.
pub fn user_principal_name(profile: &Value) -> Option<String> {
    let upn = text(profile, "userPrincipalName")?;
    let prefix = Uuid::parse_str(profile["id"].as_str()?)
        .ok()?
        .simple()
        .to_string();
    Some(match upn.strip_prefix(&prefix) {
        Some(own) if profile["deletedDateTime"].is_string() && own.contains('@') => own.to_string(),
        _ => upn,
    })
}

pub fn user(profile: &Value, facts: &AuthFacts, catalog: &LicenseCatalog) -> Option<User> {
    let id = Uuid::parse_str(profile["id"].as_str()?).ok()?;
    let upn = user_principal_name(profile)?;
    let created = time(profile, "createdDateTime").unwrap_or_else(Timestamp::now);
    let mut user = User::new(id, upn, created);
    user.display_name = text(profile, "displayName");
    user.first_name = text(profile, "givenName");
    user.last_name = text(profile, "surname");
    user.title = text(profile, "jobTitle");
    user.department = text(profile, "department");
    user.office = text(profile, "officeLocation");
    user.street_address = text(profile, "streetAddress");
    user.city = text(profile, "city");
    user.state = text(profile, "state");
    user.postal_code = text(profile, "postalCode");
    user.country = text(profile, "country");
    user.usage_location = text(profile, "usageLocation");
    user.phone_number = texts(profile, "businessPhones").into_iter().next();
    user.mobile_phone = text(profile, "mobilePhone");
    user.fax = text(profile, "faxNumber");
    user.dir_sync_provisioning_errors = provisioning_errors(profile);
    user.preferred_language = text(profile, "preferredLanguage");
    user.preferred_data_location = text(profile, "preferredDataLocation");
    user.alternate_email_addresses = texts(profile, "otherMails");
    user.proxy_addresses = texts(profile, "proxyAddresses");
    user.immutable_id = text(profile, "onPremisesImmutableId");
    user.user_type = match profile["userType"].as_str() {
        Some(t) if t.eq_ignore_ascii_case("guest") => UserType::Guest,
        _ => UserType::Member,
    };
    user.block_credential = profile["accountEnabled"] == Value::Bool(false);
    let policies = profile["passwordPolicies"].as_str().unwrap_or("");
    user.password_never_expires = policies.contains("DisablePasswordExpiration");
    user.strong_password_required = !policies.contains("DisableStrongPassword");
    user.last_password_change_timestamp = time(profile, "lastPasswordChangeDateTime");
    user.sts_refresh_tokens_valid_from = time(profile, "signInSessionsValidFromDateTime");
    user.soft_deletion_timestamp = time(profile, "deletedDateTime");
    if profile["onPremisesSyncEnabled"] == Value::Bool(true) {
        user.last_dir_sync_time =
            Some(time(profile, "onPremisesLastSyncDateTime").unwrap_or(created));
    }
    for license in profile["assignedLicenses"].as_array().into_iter().flatten() {
        let Some(sku_id) = license["skuId"]
            .as_str()
            .and_then(|s| Uuid::parse_str(s).ok())
        else {
            continue;
        };
        let Some((subscription, _)) = catalog
            .subscriptions
            .iter()
            .find(|(s, _)| s.sku_id == sku_id)
        else {
            continue;
        };
        let disabled: Vec<String> = license["disabledPlans"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().and_then(|p| Uuid::parse_str(p).ok()))
            .filter_map(|plan| {
                subscription
                    .service_plans
                    .iter()
                    .find(|p| p.service_plan_id == plan)
            })
            .map(|p| p.service_name.clone())
            .collect();
        user.licenses
            .push(catalog.user_license(subscription, &disabled));
    }
    licensing::refresh_derived(&mut user);
    apply_auth(&mut user, facts);
    Some(user)
}

/// MSOnline's StrongAuthentication* view of Graph's authentication facts (reference/graph.md 2.4):
/// a mobile phone backs both OneWaySMS and TwoWayVoiceMobile, an Authenticator app both
/// PhoneAppNotification and PhoneAppOTP, a software token PhoneAppOTP.
pub fn apply_auth(user: &mut User, facts: &AuthFacts) {
    user.strong_authentication_requirements = match facts.state.as_deref() {
        Some("enabled") => vec![requirement(RequirementState::Enabled)],
        Some("enforced") => vec![requirement(RequirementState::Enforced)],
        // disabled, unknownFutureValue or unreadable: no requirement to show (and none is written).
        _ => Vec::new(),
    };
    let mut types = Vec::new();
    let PhoneChannels { sms, voice } = facts.channels;
    if facts.phone(MOBILE).is_some() {
        if sms {
            types.push(MethodType::OneWaySms);
        }
        if voice {
            types.push(MethodType::TwoWayVoiceMobile);
        }
    }
    if facts.phone(ALTERNATE_MOBILE).is_some() && voice {
        types.push(MethodType::TwoWayVoiceAlternateMobile);
    }
    if facts.phone(OFFICE).is_some() && voice {
        types.push(MethodType::TwoWayVoiceOffice);
    }
    if !facts.authenticators.is_empty() {
        types.extend([MethodType::PhoneAppNotification, MethodType::PhoneAppOtp]);
    }
    // A hardware OATH token gives codes as an app's OTP does: MSOnline listed it as PhoneAppOTP.
    if !facts.software_oath.is_empty() || facts.hardware_oath.iter().any(|t| t.1 == Some(true)) {
        types.push(MethodType::PhoneAppOtp);
    }
    let default = facts.preferred.as_deref().and_then(method_of_preference);
    user.strong_authentication_methods = MethodType::ALL
        .into_iter()
        .filter(|t| types.contains(t))
        .map(|method_type| StrongAuthenticationMethod {
            method_type,
            is_default: Some(method_type) == default,
        })
        .collect();
    let details = StrongAuthenticationUserDetails {
        phone_number: facts.phone(MOBILE).map(|p| p.number.clone()),
        alternative_phone_number: facts.phone(ALTERNATE_MOBILE).map(|p| p.number.clone()),
        email: facts.email.clone(),
        ..Default::default()
    };
    user.strong_authentication_user_details = (!details.is_empty()).then_some(details);
    let app = |method: &Value, authentication_type| StrongAuthenticationPhoneAppDetail {
        id: method["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()),
        authentication_type,
        device_name: text(method, "displayName").unwrap_or_else(|| "Software token".to_string()),
        device_tag: text(method, "deviceTag")
            .unwrap_or_else(|| "SoftwareTokenActivated".to_string()),
        device_token: None,
        notification_type: NotificationType::Unspecified,
        oath_secret_key: None,
        oath_token_time_drift: 0,
        phone_app_version: text(method, "phoneAppVersion"),
    };
    user.strong_authentication_phone_app_details = facts
        .authenticators
        .iter()
        .map(|m| app(m, PhoneAppAuthenticationType::NotificationAndOtp))
        .chain(
            facts
                .software_oath
                .iter()
                .map(|m| app(m, PhoneAppAuthenticationType::Otp)),
        )
        .collect();
}

fn requirement(state: RequirementState) -> StrongAuthenticationRequirement {
    StrongAuthenticationRequirement {
        relying_party: "*".to_string(),
        state,
        remember_devices_not_issued_before: None,
    }
}

/// A role by its template id: a built-in role keeps MSOnline's legacy name; any other role Graph
/// lists (a `directoryRoleTemplate` or `directoryRole`) shows Graph's name and description.
pub fn role(template_id: Uuid, object: &Value) -> Role {
    match roles::by_id(template_id) {
        Some(built_in) => built_in.role(),
        None => Role {
            object_id: template_id,
            name: object["displayName"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            description: object["description"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            is_enabled: true,
            is_system: true,
        },
    }
}

pub fn member_type(object: &Value) -> RoleMemberType {
    match object["@odata.type"].as_str().unwrap_or("") {
        "#microsoft.graph.user" => RoleMemberType::User,
        "#microsoft.graph.group" => RoleMemberType::Group,
        "#microsoft.graph.servicePrincipal" => RoleMemberType::ServicePrincipal,
        _ => RoleMemberType::Other,
    }
}

pub fn role_member(object: &Value, requirement: Option<RequirementState>) -> Option<RoleMember> {
    let kind = member_type(object);
    let is_user = kind == RoleMemberType::User;
    Some(RoleMember {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        role_member_type: kind,
        display_name: text(object, "displayName"),
        email_address: if is_user {
            text(object, "userPrincipalName")
        } else {
            text(object, "mail")
        },
        is_licensed: is_user.then(|| {
            object["assignedLicenses"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        }),
        last_dir_sync_time: (object["onPremisesSyncEnabled"] == Value::Bool(true))
            .then(|| time(object, "onPremisesLastSyncDateTime"))
            .flatten(),
        overall_provisioning_status: None,
        validation_status: None,
        strong_authentication_requirements: requirement.map(requirement_of).into_iter().collect(),
    })
}

fn requirement_of(state: RequirementState) -> StrongAuthenticationRequirement {
    requirement(state)
}

pub fn requirement_state(state: Option<&str>) -> Option<RequirementState> {
    match state {
        Some("enabled") => Some(RequirementState::Enabled),
        Some("enforced") => Some(RequirementState::Enforced),
        _ => None,
    }
}

pub fn group(object: &Value) -> Option<Group> {
    let mail_enabled = object["mailEnabled"] == Value::Bool(true);
    let security_enabled = object["securityEnabled"] == Value::Bool(true);
    Some(Group {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        display_name: text(object, "displayName").unwrap_or_default(),
        common_name: None,
        description: text(object, "description"),
        email_address: text(object, "mail"),
        group_type: match (mail_enabled, security_enabled) {
            (true, true) => GroupType::MailEnabledSecurity,
            (true, false) => GroupType::DistributionList,
            _ => GroupType::Security,
        },
        is_system: false,
        last_dir_sync_time: synchronized_at(object),
        // MSOnline's one owner: the first of Graph's owners, when they were expanded.
        managed_by: object["owners"]
            .as_array()
            .and_then(|owners| owners.first())
            .and_then(|o| text(o, "id")),
        proxy_addresses: texts(object, "proxyAddresses"),
        errors: Vec::new(),
        has_license_errors: false,
        dir_sync_provisioning_errors: provisioning_errors(object),
        validation_status: crate::domain::model::ValidationStatus::Healthy,
    })
}

pub fn group_member(object: &Value) -> Option<GroupMember> {
    let kind = match member_type(object) {
        RoleMemberType::User => GroupMemberType::User,
        RoleMemberType::Group => GroupMemberType::Group,
        RoleMemberType::ServicePrincipal => GroupMemberType::ServicePrincipal,
        RoleMemberType::Other => GroupMemberType::Contact,
    };
    Some(GroupMember {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        group_member_type: kind,
        common_name: None,
        display_name: text(object, "displayName"),
        email_address: text(object, "userPrincipalName").or_else(|| text(object, "mail")),
    })
}

/// MSOnline's domain capabilities and Graph's `supportedServices` names for them
/// (graph/api/resources/domain).
pub const DOMAIN_SERVICES: &[(DomainCapability, &str)] = &[
    (DomainCapability::Email, "Email"),
    (DomainCapability::Sharepoint, "Sharepoint"),
    (
        DomainCapability::OfficeCommunicationsOnline,
        "OfficeCommunicationsOnline",
    ),
    (
        DomainCapability::SharepointDefault,
        "SharePointDefaultDomain",
    ),
    (DomainCapability::FullRedelegation, "FullRedelegation"),
    (DomainCapability::SharePointPublic, "SharePointPublic"),
    (DomainCapability::OrgIdAuthentication, "OrgIdAuthentication"),
    (DomainCapability::Yammer, "Yammer"),
    (DomainCapability::Intune, "Intune"),
];

pub fn domain(object: &Value) -> Option<Domain> {
    Some(Domain {
        name: text(object, "id")?,
        status: if object["isVerified"] == Value::Bool(true) {
            DomainStatus::Verified
        } else {
            DomainStatus::Unverified
        },
        authentication: if object["authenticationType"]
            .as_str()
            .is_some_and(|t| t.eq_ignore_ascii_case("federated"))
        {
            DomainAuthenticationType::Federated
        } else {
            DomainAuthenticationType::Managed
        },
        capabilities: texts(object, "supportedServices")
            .iter()
            .filter_map(|s| {
                DOMAIN_SERVICES
                    .iter()
                    .find(|(_, name)| name.eq_ignore_ascii_case(s))
                    .map(|(capability, _)| *capability)
            })
            .collect(),
        is_default: object["isDefault"] == Value::Bool(true),
        is_initial: object["isInitial"] == Value::Bool(true),
        root_domain: None,
        verification_method: DomainVerificationMethod::DnsRecord,
    })
}

/// A domainDnsRecord of a domain's verificationDnsRecords (graph/api/resources/
/// domaindnstxtrecord, domaindnsmxrecord) as MSOnline's DomainRecord; other kinds are left out.
pub fn domain_record(object: &Value) -> Option<DomainRecord> {
    let kind = text(object, "recordType")?;
    let is_txt = kind.eq_ignore_ascii_case("Txt");
    if !is_txt && !kind.eq_ignore_ascii_case("Mx") {
        return None;
    }
    Some(DomainRecord {
        object_id: text(object, "id").and_then(|id| Uuid::parse_str(&id).ok()),
        label: text(object, "label")?,
        ttl: object["ttl"]
            .as_i64()
            .and_then(|t| i32::try_from(t).ok())
            .unwrap_or(0),
        is_optional: object["isOptional"] == Value::Bool(true),
        capability: DomainCapability::None,
        text: if is_txt { text(object, "text") } else { None },
        mail_exchange: if is_txt {
            None
        } else {
            text(object, "mailExchange")
        },
        preference: if is_txt {
            None
        } else {
            object["preference"]
                .as_i64()
                .and_then(|p| i32::try_from(p).ok())
        },
    })
}

/// A domain's password policy; a value that is not a positive Int32 counts as unset.
pub fn password_policy(domain: &Value) -> PasswordPolicy {
    let days = |key: &str| {
        domain[key]
            .as_u64()
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| *d > 0)
    };
    PasswordPolicy {
        validity_period: days("passwordValidityPeriodInDays"),
        notification_days: days("passwordNotificationWindowInDays"),
    }
}

/// The app consent policy that lets users consent to apps, as MSOnline's
/// UsersPermissionToUserConsentToAppEnabled did (Microsoft's legacy default; graph/api/
/// authorizationpolicy-update, example 6, names the form `managePermissionGrantsForSelf.{id}`).
pub const USER_CONSENT_POLICY: &str = "ManagePermissionGrantsForSelf.microsoft-user-default-legacy";

/// The company's organization, with the settings of its authorizationPolicy (graph/api/resources/
/// authorizationpolicy) when Graph let the caller read it, and left out otherwise. Users may
/// consent to apps when any `managePermissionGrantsForSelf` policy is assigned to them.
pub fn company(
    org: &Value,
    domains: &[Domain],
    policy: Option<&Value>,
) -> Option<CompanyInformation> {
    let flag = |path: &[&str]| {
        let mut value = policy?;
        for key in path {
            value = &value[*key];
        }
        value.as_bool()
    };
    let consent = policy.map(|p| {
        p["defaultUserRolePermissions"]["permissionGrantPoliciesAssigned"]
            .as_array()
            .is_some_and(|all| {
                all.iter().filter_map(Value::as_str).any(|id| {
                    id.to_ascii_lowercase()
                        .starts_with("managepermissiongrantsforself.")
                })
            })
    });
    let initial = domains
        .iter()
        .find(|d| d.is_initial)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    Some(CompanyInformation {
        object_id: Uuid::parse_str(org["id"].as_str()?).ok()?,
        display_name: text(org, "displayName").unwrap_or_default(),
        initial_domain: initial,
        street: text(org, "street"),
        city: text(org, "city"),
        state: text(org, "state"),
        postal_code: text(org, "postalCode"),
        country: text(org, "country"),
        country_letter_code: text(org, "countryLetterCode"),
        telephone_number: texts(org, "businessPhones").into_iter().next(),
        default_usage_location: text(org, "countryLetterCode"),
        preferred_language: text(org, "preferredLanguage"),
        technical_notification_emails: texts(org, "technicalNotificationMails"),
        marketing_notification_emails: texts(org, "marketingNotificationEmails"),
        security_compliance_notification_emails: texts(org, "securityComplianceNotificationMails"),
        security_compliance_notification_phones: texts(org, "securityComplianceNotificationPhones"),
        directory_synchronization_enabled: org["onPremisesSyncEnabled"] == Value::Bool(true),
        directory_synchronization_status: if org["onPremisesSyncEnabled"] == Value::Bool(true) {
            "Enabled"
        } else {
            "Disabled"
        }
        .to_string(),
        last_dir_sync_time: time(org, "onPremisesLastSyncDateTime"),
        password_synchronization_enabled: org["onPremisesLastPasswordSyncDateTime"].is_string(),
        last_password_sync_time: time(org, "onPremisesLastPasswordSyncDateTime"),
        self_serve_password_reset_enabled: flag(&["allowedToUseSSPR"]),
        users_permission_to_create_groups_enabled: flag(&[
            "defaultUserRolePermissions",
            "allowedToCreateSecurityGroups",
        ]),
        users_permission_to_create_lob_apps_enabled: flag(&[
            "defaultUserRolePermissions",
            "allowedToCreateApps",
        ]),
        users_permission_to_read_other_users_enabled: flag(&[
            "defaultUserRolePermissions",
            "allowedToReadOtherUsers",
        ]),
        users_permission_to_user_consent_to_app_enabled: consent,
        allow_ad_hoc_subscriptions: flag(&["allowedToSignUpEmailBasedSubscriptions"]),
        allow_email_verified_users: flag(&["allowEmailVerifiedUsersToJoinOrganization"]),
        company_type: "CompanyTenant".to_string(),
        when_created: time(org, "createdDateTime").unwrap_or_else(Timestamp::now),
    })
}

/// The authorizationPolicy update (graph/api/authorizationpolicy-update) that carries the named
/// settings of `company`: only those, as the page advises ("don't include existing values that
/// haven't changed").
pub fn authorization_policy_patch(company: &CompanyInformation, changed: &[&str]) -> Value {
    let mut patch = serde_json::Map::new();
    let mut role = serde_json::Map::new();
    for name in changed {
        match *name {
            "SelfServePasswordResetEnabled" => {
                patch.insert(
                    "allowedToUseSSPR".into(),
                    company.self_serve_password_reset_enabled.into(),
                );
            }
            "AllowAdHocSubscriptions" => {
                patch.insert(
                    "allowedToSignUpEmailBasedSubscriptions".into(),
                    company.allow_ad_hoc_subscriptions.into(),
                );
            }
            "AllowEmailVerifiedUsers" => {
                patch.insert(
                    "allowEmailVerifiedUsersToJoinOrganization".into(),
                    company.allow_email_verified_users.into(),
                );
            }
            "UsersPermissionToCreateGroupsEnabled" => {
                role.insert(
                    "allowedToCreateSecurityGroups".into(),
                    company.users_permission_to_create_groups_enabled.into(),
                );
            }
            "UsersPermissionToCreateLOBAppsEnabled" => {
                role.insert(
                    "allowedToCreateApps".into(),
                    company.users_permission_to_create_lob_apps_enabled.into(),
                );
            }
            "UsersPermissionToReadOtherUsersEnabled" => {
                role.insert(
                    "allowedToReadOtherUsers".into(),
                    company.users_permission_to_read_other_users_enabled.into(),
                );
            }
            "UsersPermissionToUserConsentToAppEnabled" => {
                let policies: Vec<&str> =
                    if company.users_permission_to_user_consent_to_app_enabled == Some(true) {
                        vec![USER_CONSENT_POLICY]
                    } else {
                        Vec::new()
                    };
                role.insert("permissionGrantPoliciesAssigned".into(), policies.into());
            }
            _ => {}
        }
    }
    if !role.is_empty() {
        patch.insert("defaultUserRolePermissions".into(), Value::Object(role));
    }
    Value::Object(patch)
}

/// An internalDomainFederation as MSOnline's DomainFederationSettings. SupportsMfa is read from
/// federatedIdpMfaBehavior, its successor: MFA left to the identity provider
/// (`enforceMfaByFederatedIdp`) is true, the others false (UNCONFIRMED mapping: Graph documents
/// only that the new property replaces the old).
pub fn domain_federation(object: &Value) -> crate::domain::model::DomainFederationSettings {
    use crate::domain::model::{AuthenticationProtocol, PromptLoginBehavior};
    let text = |key: &str| {
        object[key]
            .as_str()
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    crate::domain::model::DomainFederationSettings {
        active_log_on_uri: text("activeSignInUri"),
        federation_brand_name: text("displayName"),
        issuer_uri: text("issuerUri"),
        log_off_uri: text("signOutUri"),
        metadata_exchange_uri: text("metadataExchangeUri"),
        next_signing_certificate: text("nextSigningCertificate"),
        passive_log_on_uri: text("passiveSignInUri"),
        signing_certificate: text("signingCertificate"),
        preferred_authentication_protocol: match object["preferredAuthenticationProtocol"].as_str()
        {
            Some("wsFed") => Some(AuthenticationProtocol::WsFed),
            Some("saml") => Some(AuthenticationProtocol::Samlp),
            _ => None,
        },
        prompt_login_behavior: match object["promptLoginBehavior"].as_str() {
            Some("translateToFreshPasswordAuthentication") => {
                Some(PromptLoginBehavior::TranslateToFreshPasswordAuth)
            }
            Some("nativeSupport") => Some(PromptLoginBehavior::NativeSupport),
            Some("disabled") => Some(PromptLoginBehavior::Disabled),
            _ => None,
        },
        supports_mfa: object["federatedIdpMfaBehavior"]
            .as_str()
            .map(|b| b == "enforceMfaByFederatedIdp"),
        signing_certificate_update_status: object["signingCertificateUpdateStatus"]
            ["certificateUpdateResult"]
            .as_str()
            .map(str::to_string),
    }
}

/// The internalDomainFederation body for federation settings: every one, or only those `only`
/// names (MSOnline's names). A cleared setting is sent as null.
pub fn federation_body(
    settings: &crate::domain::model::DomainFederationSettings,
    only: Option<&[&str]>,
) -> Value {
    use crate::domain::model::{AuthenticationProtocol, PromptLoginBehavior};
    let protocol = settings.preferred_authentication_protocol.map(|p| match p {
        AuthenticationProtocol::WsFed => "wsFed",
        AuthenticationProtocol::Samlp => "saml",
    });
    let prompt = settings.prompt_login_behavior.map(|p| match p {
        PromptLoginBehavior::TranslateToFreshPasswordAuth => {
            "translateToFreshPasswordAuthentication"
        }
        PromptLoginBehavior::NativeSupport => "nativeSupport",
        PromptLoginBehavior::Disabled => "disabled",
    });
    let mfa = settings.supports_mfa.map(|enforce| {
        if enforce {
            "enforceMfaByFederatedIdp"
        } else {
            "acceptIfMfaDoneByFederatedIdp"
        }
    });
    let fields: [(&str, &str, Value); 11] = [
        (
            "ActiveLogOnUri",
            "activeSignInUri",
            json!(settings.active_log_on_uri),
        ),
        (
            "FederationBrandName",
            "displayName",
            json!(settings.federation_brand_name),
        ),
        ("IssuerUri", "issuerUri", json!(settings.issuer_uri)),
        ("LogOffUri", "signOutUri", json!(settings.log_off_uri)),
        (
            "MetadataExchangeUri",
            "metadataExchangeUri",
            json!(settings.metadata_exchange_uri),
        ),
        (
            "NextSigningCertificate",
            "nextSigningCertificate",
            json!(settings.next_signing_certificate),
        ),
        (
            "PassiveLogOnUri",
            "passiveSignInUri",
            json!(settings.passive_log_on_uri),
        ),
        (
            "SigningCertificate",
            "signingCertificate",
            json!(settings.signing_certificate),
        ),
        (
            "PreferredAuthenticationProtocol",
            "preferredAuthenticationProtocol",
            json!(protocol),
        ),
        ("PromptLoginBehavior", "promptLoginBehavior", json!(prompt)),
        ("SupportsMfa", "federatedIdpMfaBehavior", json!(mfa)),
    ];
    let mut body = serde_json::Map::new();
    for (name, key, value) in fields {
        let wanted = match only {
            Some(only) => only.contains(&name),
            None => !value.is_null(),
        };
        if wanted {
            body.insert(key.to_string(), value);
        }
    }
    Value::Object(body)
}

/// A groupSettingTemplate as MSOnline's SettingTemplate.
pub fn setting_template(object: &Value) -> Option<SettingTemplate> {
    let text = |value: &Value, key: &str| value[key].as_str().unwrap_or_default().to_string();
    Some(SettingTemplate {
        id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        display_name: text(object, "displayName"),
        description: text(object, "description"),
        values: object["values"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|v| SettingTemplateValue {
                name: text(v, "name"),
                value_type: text(v, "type"),
                default_value: text(v, "defaultValue"),
                description: text(v, "description"),
            })
            .collect(),
    })
}

/// A groupSetting as MSOnline's Settings.
pub fn directory_setting(object: &Value) -> Option<DirectorySetting> {
    Some(DirectorySetting {
        id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        display_name: object["displayName"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        template_id: Uuid::parse_str(object["templateId"].as_str()?).ok()?,
        values: object["values"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|v| SettingValue {
                name: v["name"].as_str().unwrap_or_default().to_string(),
                value: v["value"].as_str().unwrap_or_default().to_string(),
            })
            .collect(),
    })
}

/// An administrativeUnit as MSOnline's AdministrativeUnit.
pub fn administrative_unit(object: &Value) -> Option<AdministrativeUnit> {
    Some(AdministrativeUnit {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        display_name: object["displayName"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        description: object["description"]
            .as_str()
            .filter(|d| !d.is_empty())
            .map(str::to_string),
    })
}

/// An administrative unit's member (a user, group or device) as MSOnline's
/// AdministrativeUnitMember; other types are left out.
pub fn administrative_unit_member(object: &Value) -> Option<AdministrativeUnitMember> {
    let (kind, address) = match object["@odata.type"].as_str()? {
        "#microsoft.graph.user" => (
            AdministrativeUnitMemberType::User,
            Some("userPrincipalName"),
        ),
        "#microsoft.graph.group" => (AdministrativeUnitMemberType::Group, Some("mail")),
        "#microsoft.graph.device" => (AdministrativeUnitMemberType::Device, None),
        _ => return None,
    };
    Some(AdministrativeUnitMember {
        object_id: Uuid::parse_str(object["id"].as_str()?).ok()?,
        administrative_unit_member_type: kind,
        display_name: object["displayName"].as_str().map(str::to_string),
        email_address: address.and_then(|a| object[a].as_str()).map(str::to_string),
    })
}

/// A scopedRoleMembership as MSOnline's RoleScopedMember; `role` is the template id of the
/// activated role it names.
pub fn role_scoped_member(membership: &Value, role: Uuid, unit: Uuid) -> Option<RoleScopedMember> {
    let member = &membership["roleMemberInfo"];
    Some(RoleScopedMember {
        object_id: Uuid::parse_str(member["id"].as_str()?).ok()?,
        display_name: member["displayName"].as_str().map(str::to_string),
        user_principal_name: member["userPrincipalName"].as_str().map(str::to_string),
        role_object_id: role,
        administrative_unit_object_id: unit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn company_settings_come_from_the_policy_or_stay_unknown() {
        let org = json!({ "id": "7d3f6c1e-4b7a-4a51-9d2e-2f0c6a1b9e10", "displayName": "Contoso" });
        let unknown = company(&org, &[], None).unwrap();
        assert_eq!(unknown.self_serve_password_reset_enabled, None);
        assert_eq!(
            unknown.users_permission_to_user_consent_to_app_enabled,
            None
        );
        let policy = json!({
            "allowedToUseSSPR": true,
            "allowedToSignUpEmailBasedSubscriptions": false,
            "defaultUserRolePermissions": {
                "allowedToCreateSecurityGroups": false,
                "permissionGrantPoliciesAssigned": ["managePermissionGrantsForSelf.microsoft-user-default-low"]
            }
        });
        let known = company(&org, &[], Some(&policy)).unwrap();
        assert_eq!(known.self_serve_password_reset_enabled, Some(true));
        assert_eq!(known.allow_ad_hoc_subscriptions, Some(false));
        assert_eq!(known.users_permission_to_create_groups_enabled, Some(false));
        assert_eq!(
            known.users_permission_to_user_consent_to_app_enabled,
            Some(true)
        );
        let patch = authorization_policy_patch(
            &known,
            &[
                "UsersPermissionToCreateGroupsEnabled",
                "SelfServePasswordResetEnabled",
            ],
        );
        assert_eq!(
            patch,
            json!({ "allowedToUseSSPR": true, "defaultUserRolePermissions": { "allowedToCreateSecurityGroups": false } })
        );
    }
}
