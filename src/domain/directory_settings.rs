//! Directory settings' rules, once for every backend: the templates the local tenant knows, how a
//! setting is made from a template and changed, and what a setting may belong to.
//!
//! Source: entra/identity/users/groups-settings-cmdlets ("Template settings": Group.Unified's
//! names, types and defaults; Group.Unified.Guest's AllowToAddGuests) and graph/api/resources/
//! groupsetting (a setting is made from a groupSettingTemplate; settings exist for the tenant and
//! for Microsoft 365 groups; Group.Unified configures the tenant, Group.Unified.Guest one group).

use std::collections::BTreeMap;

use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{
    DirectorySetting, SettingTargetType, SettingTemplate, SettingTemplateValue, SettingValue,
};

pub const GROUP_UNIFIED: &str = "62375ab9-6b52-47ed-826b-58e47e0e304b";
pub const GROUP_UNIFIED_GUEST: &str = "08d542b9-071f-4e16-94b0-74abb372e3d9";

/// Name, type, default, description.
type TemplateValue = (&'static str, &'static str, &'static str, &'static str);

#[rustfmt::skip]
const GROUP_UNIFIED_VALUES: &[TemplateValue] = &[
    ("EnableMIPLabels", "System.Boolean", "false", "Whether sensitivity labels can be applied to Microsoft 365 groups."),
    ("CustomBlockedWordsList", "System.String", "", "Comma-separated words that group names and aliases may not use."),
    ("EnableMSStandardBlockedWords", "System.Boolean", "false", "Deprecated."),
    ("ClassificationDescriptions", "System.String", "", "Classification:Description pairs, comma-separated, for the ClassificationList entries."),
    ("DefaultClassification", "System.String", "", "The classification a group gets when none is given."),
    ("PrefixSuffixNamingRequirement", "System.String", "", "The naming convention for Microsoft 365 groups (at most 64 characters)."),
    ("AllowGuestsToBeGroupOwner", "System.Boolean", "false", "Whether a guest can own groups."),
    ("AllowGuestsToAccessGroups", "System.Boolean", "true", "Whether guests can reach Microsoft 365 groups' content."),
    ("GuestUsageGuidelinesUrl", "System.String", "", "A link to the guest usage guidelines."),
    ("GroupCreationAllowedGroupId", "System.Guid", "", "The security group whose members may create Microsoft 365 groups when EnableGroupCreation is false."),
    ("AllowToAddGuests", "System.Boolean", "true", "Whether guests may be added to groups."),
    ("UsageGuidelinesUrl", "System.String", "", "A link to the group usage guidelines."),
    ("ClassificationList", "System.String", "", "Comma-separated classifications that Microsoft 365 groups may carry."),
    ("EnableGroupCreation", "System.Boolean", "true", "Whether users who are not administrators may create Microsoft 365 groups."),
    ("NewUnifiedGroupWritebackDefault", "System.Boolean", "true", "Whether new Microsoft 365 groups are written back to on-premises Active Directory by default."),
];

#[rustfmt::skip]
const GROUP_UNIFIED_GUEST_VALUES: &[TemplateValue] = &[
    ("AllowToAddGuests", "System.Boolean", "true", "Whether guests may be added to this group."),
];

/// The templates the local tenant offers: those whose values Microsoft documents in full. Graph
/// lists more (Application, Password Rule Settings, …), which the Graph backend passes through.
pub fn local_templates() -> Vec<SettingTemplate> {
    let template =
        |id: &str, name: &str, description: &str, values: &[TemplateValue]| SettingTemplate {
            id: Uuid::parse_str(id).expect("a valid template id"),
            display_name: name.to_string(),
            description: description.to_string(),
            values: values
                .iter()
                .map(|(name, kind, default, description)| SettingTemplateValue {
                    name: name.to_string(),
                    value_type: kind.to_string(),
                    default_value: default.to_string(),
                    description: description.to_string(),
                })
                .collect(),
        };
    vec![
        template(GROUP_UNIFIED, "Group.Unified", "Setting templates define the different settings that can be used for the associated ObjectSettings. This template defines default settings for Microsoft 365 groups.", GROUP_UNIFIED_VALUES),
        template(GROUP_UNIFIED_GUEST, "Group.Unified.Guest", "Settings for a specific Microsoft 365 group", GROUP_UNIFIED_GUEST_VALUES),
    ]
}

/// What a setting belongs to: the tenant (`None`) or one group. Only groups take settings of
/// their own in Microsoft Entra ID; the other target types MSOnline listed are refused.
pub fn target(
    target_type: Option<SettingTargetType>,
    target_object_id: Option<&str>,
) -> FaultResult<Option<Uuid>> {
    match (target_type, target_object_id.map(str::trim)) {
        (None, None) => Ok(None),
        (Some(SettingTargetType::Groups), Some(id)) => Uuid::parse_str(id).map(Some).map_err(|_| {
            Fault::invalid("TargetObjectId", format!("{id} is not a group's ObjectId."))
        }),
        (Some(SettingTargetType::Groups), None) => Err(Fault::Required {
            field: "TargetObjectId".to_string(),
            reason: "TargetType Groups names the group with TargetObjectId.".to_string(),
        }),
        (None, Some(_)) => Err(Fault::Required {
            field: "TargetType".to_string(),
            reason: "TargetObjectId goes with TargetType Groups.".to_string(),
        }),
        (Some(other), _) => Err(Fault::invalid_choice(
            "TargetType",
            format!("Microsoft Entra ID keeps directory settings for the tenant and for groups only, not for {other:?}; leave TargetType out for the tenant's settings."),
            &["Groups"],
        )),
    }
}

/// Refuses a template that does not belong where the setting goes: Group.Unified.Guest is for
/// one group, every other template for the tenant.
pub fn check_template_for(template: &SettingTemplate, group: Option<Uuid>) -> FaultResult<()> {
    let guest = template.id.to_string() == GROUP_UNIFIED_GUEST;
    match (group, guest) {
        (Some(_), false) => Err(Fault::invalid(
            "TemplateId",
            format!("A group takes settings of the Group.Unified.Guest template only, not {}.", template.display_name),
        )),
        (None, true) => Err(Fault::invalid(
            "TemplateId",
            "Group.Unified.Guest settings belong to one group: give TargetType Groups and TargetObjectId.",
        )),
        _ => Ok(()),
    }
}

/// A value checked against its template's type: booleans as `true`/`false`, GUIDs in their
/// usual form (empty clears one), whole numbers, and text within the documented lengths.
fn checked(template: &SettingTemplateValue, value: &str) -> FaultResult<String> {
    let value = value.trim();
    let refuse = |reason: String| Fault::invalid(template.name.clone(), reason);
    match template.value_type.as_str() {
        "System.Boolean" => match value.to_ascii_lowercase().as_str() {
            "true" => Ok("true".to_string()),
            "false" => Ok("false".to_string()),
            _ => Err(Fault::invalid_choice(
                template.name.clone(),
                format!("{value} is not a boolean."),
                &["true", "false"],
            )),
        },
        "System.Guid" if value.is_empty() => Ok(String::new()),
        "System.Guid" => Uuid::parse_str(value)
            .map(|id| id.to_string())
            .map_err(|_| refuse(format!("{value} is not a GUID."))),
        "System.Int32" => value
            .parse::<i32>()
            .map(|n| n.to_string())
            .map_err(|_| refuse(format!("{value} is not a whole number."))),
        _ => {
            let most = match template.name.as_str() {
                "PrefixSuffixNamingRequirement" => 64,
                "ClassificationDescriptions" => 300,
                _ => usize::MAX,
            };
            if value.chars().count() > most {
                return Err(refuse(format!("It takes at most {most} characters.")));
            }
            Ok(value.to_string())
        }
    }
}

/// The template's value a given name means, in any case.
fn template_value<'t>(
    template: &'t SettingTemplate,
    name: &str,
) -> FaultResult<&'t SettingTemplateValue> {
    template
        .values
        .iter()
        .find(|v| v.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| Fault::InvalidValue {
            field: "SettingsValue".to_string(),
            reason: format!(
                "The template {} has no setting {name}.",
                template.display_name
            ),
            allowed: template.values.iter().map(|v| v.name.clone()).collect(),
        })
}

/// The setting New-MsolSettings makes: the given values, checked, and the template's defaults
/// for the rest, in the template's order.
pub fn new_setting(
    template: &SettingTemplate,
    given: &BTreeMap<String, String>,
    id: Uuid,
) -> FaultResult<DirectorySetting> {
    let mut setting = DirectorySetting {
        id,
        display_name: template.display_name.clone(),
        template_id: template.id,
        values: template
            .values
            .iter()
            .map(|v| SettingValue {
                name: v.name.clone(),
                value: v.default_value.clone(),
            })
            .collect(),
    };
    apply_values(&mut setting, template, given)?;
    Ok(setting)
}

/// Applies Set-MsolSettings' values to a setting; answers the names of those that really
/// changed. The others keep their values.
pub fn apply_values(
    setting: &mut DirectorySetting,
    template: &SettingTemplate,
    given: &BTreeMap<String, String>,
) -> FaultResult<Vec<String>> {
    let mut wanted = Vec::new();
    for (name, value) in given {
        let definition = template_value(template, name)?;
        wanted.push((definition.name.clone(), checked(definition, value)?));
    }
    let mut changed = Vec::new();
    for (name, value) in wanted {
        match setting.values.iter_mut().find(|v| v.name == name) {
            Some(current) if current.value == value => {}
            Some(current) => {
                current.value = value;
                changed.push(name);
            }
            None => {
                setting.values.push(SettingValue {
                    name: name.clone(),
                    value,
                });
                changed.push(name);
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unified() -> SettingTemplate {
        local_templates().remove(0)
    }

    fn given(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_new_setting_has_every_value_with_the_given_ones_checked() {
        let setting = new_setting(
            &unified(),
            &given(&[
                ("usageguidelinesurl", " https://contoso.com/groups "),
                ("EnableGroupCreation", "False"),
            ]),
            Uuid::nil(),
        )
        .unwrap();
        assert_eq!(setting.values.len(), 15);
        let value = |name: &str| {
            setting
                .values
                .iter()
                .find(|v| v.name == name)
                .unwrap()
                .value
                .clone()
        };
        assert_eq!(value("UsageGuidelinesUrl"), "https://contoso.com/groups");
        assert_eq!(value("EnableGroupCreation"), "false");
        assert_eq!(value("AllowToAddGuests"), "true", "a default");
    }

    #[test]
    fn unknown_names_and_ill_typed_values_are_refused_naming_them() {
        let unknown =
            new_setting(&unified(), &given(&[("AllowGuests", "true")]), Uuid::nil()).unwrap_err();
        assert_eq!(unknown.field(), Some("SettingsValue"));
        assert!(unknown.allowed().contains(&"AllowToAddGuests".to_string()));
        let boolean = new_setting(
            &unified(),
            &given(&[("AllowToAddGuests", "maybe")]),
            Uuid::nil(),
        )
        .unwrap_err();
        assert_eq!(boolean.field(), Some("AllowToAddGuests"));
        let guid = new_setting(
            &unified(),
            &given(&[("GroupCreationAllowedGroupId", "sales")]),
            Uuid::nil(),
        )
        .unwrap_err();
        assert_eq!(guid.field(), Some("GroupCreationAllowedGroupId"));
        let long = "x".repeat(65);
        assert!(new_setting(
            &unified(),
            &given(&[("PrefixSuffixNamingRequirement", long.as_str())]),
            Uuid::nil()
        )
        .is_err());
    }

    #[test]
    fn only_real_changes_count() {
        let template = unified();
        let mut setting = new_setting(&template, &BTreeMap::new(), Uuid::nil()).unwrap();
        assert!(apply_values(
            &mut setting,
            &template,
            &given(&[("AllowToAddGuests", "TRUE")])
        )
        .unwrap()
        .is_empty());
        assert_eq!(
            apply_values(
                &mut setting,
                &template,
                &given(&[("AllowToAddGuests", "false")])
            )
            .unwrap(),
            ["AllowToAddGuests"]
        );
    }

    #[test]
    fn targets_are_the_tenant_or_a_group_with_its_own_template() {
        assert_eq!(target(None, None).unwrap(), None);
        let group = Uuid::new_v4();
        assert_eq!(
            target(Some(SettingTargetType::Groups), Some(&group.to_string())).unwrap(),
            Some(group)
        );
        assert_eq!(
            target(Some(SettingTargetType::Users), Some("x"))
                .unwrap_err()
                .field(),
            Some("TargetType")
        );
        assert_eq!(
            target(None, Some("x")).unwrap_err().field(),
            Some("TargetType")
        );
        let guest = local_templates().remove(1);
        assert!(check_template_for(&guest, Some(group)).is_ok());
        assert!(check_template_for(&guest, None).is_err());
        assert!(check_template_for(&unified(), Some(group)).is_err());
    }
}
