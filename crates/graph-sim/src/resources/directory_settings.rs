//! Group (directory) settings (graph/api/resources/groupsetting, groupsettingtemplate): the
//! templates, the tenant's settings under `/groupSettings` and a Microsoft 365 group's under
//! `/groups/{id}/settings` (groupsetting-post-groupsettings, group-post-settings, groupsetting-get,
//! -update, -delete). A setting holds every value of its template; an update's `values` replace
//! the collection, those left out going back to their defaults (entra/identity/users/
//! groups-settings-cmdlets warns that an update with one value overwrites the others).

use super::*;
use crate::state::SimGroupSetting;

const GROUP_UNIFIED: &str = "62375ab9-6b52-47ed-826b-58e47e0e304b";
const GROUP_UNIFIED_GUEST: &str = "08d542b9-071f-4e16-94b0-74abb372e3d9";

struct Template {
    id: &'static str,
    display_name: &'static str,
    description: &'static str,
    /// Name, type, default, description.
    values: &'static [(&'static str, &'static str, &'static str, &'static str)],
}

/// The templates whose values Microsoft documents in full (groups-settings-cmdlets, "Template
/// settings"); Graph has more, which the simulator does not model.
#[rustfmt::skip]
const TEMPLATES: &[Template] = &[
    Template {
        id: GROUP_UNIFIED,
        display_name: "Group.Unified",
        description: "Setting templates define the different settings that can be used for the associated ObjectSettings. This template defines default settings for Microsoft 365 groups.",
        values: &[
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
        ],
    },
    Template {
        id: GROUP_UNIFIED_GUEST,
        display_name: "Group.Unified.Guest",
        description: "Settings for a specific Microsoft 365 group",
        values: &[("AllowToAddGuests", "System.Boolean", "true", "Whether guests may be added to this group.")],
    },
];

fn template_json(template: &Template) -> Value {
    json!({
        "id": template.id,
        "deletedDateTime": null,
        "displayName": template.display_name,
        "description": template.description,
        "values": template.values.iter().map(|(name, kind, default, description)| json!({
            "name": name, "type": kind, "defaultValue": default, "description": description,
        })).collect::<Vec<_>>(),
    })
}

fn find_template(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id.eq_ignore_ascii_case(id))
}

fn setting_json(setting: &SimGroupSetting) -> Value {
    let template = find_template(&setting.template_id.to_string());
    json!({
        "id": setting.id,
        "displayName": template.map(|t| t.display_name),
        "templateId": setting.template_id,
        "values": setting.values.iter().map(|(name, value)| json!({"name": name, "value": value})).collect::<Vec<_>>(),
    })
}

/// The template's values with the given ones in place of their defaults; a name the template does
/// not have is refused.
fn values_from(template: &Template, given: &Value) -> Result<Vec<(String, String)>, SimResponse> {
    let mut values: Vec<(String, String)> = template
        .values
        .iter()
        .map(|(name, _, default, _)| (name.to_string(), default.to_string()))
        .collect();
    for item in given.as_array().map(Vec::as_slice).unwrap_or_default() {
        let name = item["name"].as_str().unwrap_or_default();
        let Some(slot) = values
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        else {
            return Err(bad_request(&format!(
                "Invalid value specified for property 'name' of resource 'SettingValue': {name}."
            )));
        };
        slot.1 = item["value"].as_str().unwrap_or_default().to_string();
    }
    Ok(values)
}

pub(super) fn setting_templates(request: &SimRequest, rest: &[&str]) -> SimResponse {
    match rest {
        [] => collection(
            format!("{}/v1.0/$metadata#groupSettingTemplates", request.base_url),
            TEMPLATES.iter().map(template_json).collect(),
        ),
        [id] => match find_template(id) {
            Some(template) => SimResponse::json(200, template_json(template)),
            None => not_found(id),
        },
        _ => bad_request("Resource not found for the segment."),
    }
}

/// `/groupSettings…` (group `None`) and `/groups/{id}/settings…`.
pub(super) fn group_settings_resource(
    tenant: &mut SimTenant,
    group: Option<Uuid>,
    rest: &[&str],
    request: &SimRequest,
) -> SimResponse {
    let position = |tenant: &SimTenant, id: &str| {
        tenant
            .group_settings
            .iter()
            .position(|s| s.group == group && s.id.to_string().eq_ignore_ascii_case(id))
    };
    match (request.method.as_str(), rest) {
        ("GET", []) => collection(
            format!("{}/v1.0/$metadata#groupSettings", request.base_url),
            tenant
                .group_settings
                .iter()
                .filter(|s| s.group == group)
                .map(setting_json)
                .collect(),
        ),
        ("POST", []) => {
            let body = request.body.clone().unwrap_or(Value::Null);
            let Some(template) = body["templateId"].as_str().and_then(find_template) else {
                return bad_request(
                    "Invalid value specified for property 'templateId' of resource 'GroupSetting'.",
                );
            };
            // Group.Unified for the tenant, Group.Unified.Guest for one group (group-post-settings).
            if (template.id == GROUP_UNIFIED_GUEST) != group.is_some() {
                return bad_request(&format!(
                    "The template {} cannot be used here.",
                    template.display_name
                ));
            }
            let template_id = Uuid::parse_str(template.id).expect("a valid template id");
            if tenant
                .group_settings
                .iter()
                .any(|s| s.group == group && s.template_id == template_id)
            {
                // UNCONFIRMED: Graph's answer to a second setting of one template.
                return bad_request("A conflicting object with one or more of the specified property values is present in the directory.");
            }
            let values = match values_from(template, &body["values"]) {
                Ok(values) => values,
                Err(response) => return response,
            };
            let setting = SimGroupSetting {
                id: Uuid::new_v4(),
                template_id,
                group,
                values,
            };
            let mut answer = setting_json(&setting);
            answer["@odata.context"] = json!(format!(
                "{}/v1.0/$metadata#groupSettings/$entity",
                request.base_url
            ));
            tenant.group_settings.push(setting);
            SimResponse::json(201, answer)
        }
        ("GET", [id]) => match position(tenant, id) {
            Some(index) => SimResponse::json(200, setting_json(&tenant.group_settings[index])),
            None => not_found(id),
        },
        ("PATCH", [id]) => {
            let Some(index) = position(tenant, id) else {
                return not_found(id);
            };
            let body = request.body.clone().unwrap_or(Value::Null);
            if body.get("values").is_some() {
                let template_id = tenant.group_settings[index].template_id.to_string();
                let Some(template) = find_template(&template_id) else {
                    return not_found(&template_id);
                };
                match values_from(template, &body["values"]) {
                    Ok(values) => tenant.group_settings[index].values = values,
                    Err(response) => return response,
                }
            }
            SimResponse::no_content()
        }
        ("DELETE", [id]) => match position(tenant, id) {
            Some(index) => {
                tenant.group_settings.remove(index);
                SimResponse::no_content()
            }
            None => not_found(id),
        },
        _ => bad_request("Resource not found for the segment."),
    }
}
