//! Directory settings on Graph: `groupSettingTemplates` and `groupSettings`, the tenant's, and a
//! group's `settings` (graph/api/resources/groupsetting, groupsettingtemplate; groupsetting-post-
//! groupsettings, group-post-settings, groupsetting-update, groupsetting-delete). An update's
//! `values` replace the setting's whole collection (entra/identity/users/groups-settings-cmdlets:
//! read the current values first "otherwise we could end up overwriting existing settings"), so the
//! bridge always sends every value.

use super::*;
use crate::domain::model::{DirectorySetting, SettingTemplate};

fn settings_path(group: Option<Uuid>) -> String {
    match group {
        None => "/groupSettings".to_string(),
        Some(group) => format!("/groups/{group}/settings"),
    }
}

fn values_json(setting: &DirectorySetting) -> Value {
    json!(setting
        .values
        .iter()
        .map(|v| json!({"name": v.name, "value": v.value}))
        .collect::<Vec<_>>())
}

impl GraphDirectory {
    async fn settings_of(&self, group: Option<Uuid>) -> FaultResult<Vec<Value>> {
        match self.all_pages_unless_missing(&settings_path(group)).await? {
            Some(settings) => Ok(settings),
            None => Err(Fault::GroupNotFound(group.unwrap_or_default().to_string())),
        }
    }
}

#[async_trait]
impl DirectorySettingDirectory for GraphDirectory {
    async fn setting_templates(&self) -> FaultResult<Vec<SettingTemplate>> {
        Ok(self
            .all_pages("/groupSettingTemplates")
            .await?
            .iter()
            .filter_map(convert::setting_template)
            .collect())
    }

    async fn directory_settings(&self, group: Option<Uuid>) -> FaultResult<Vec<DirectorySetting>> {
        Ok(self
            .settings_of(group)
            .await?
            .iter()
            .filter_map(convert::directory_setting)
            .collect())
    }

    async fn new_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: DirectorySetting,
    ) -> FaultResult<DirectorySetting> {
        let body = json!({"templateId": setting.template_id, "values": values_json(&setting)});
        let created = match self
            .client
            .call(&Call::post(Version::V1, settings_path(group), Some(body)))
            .await
        {
            Ok(reply) => reply.body,
            // One setting per template and owner: a lost answer is settled by looking.
            Err(GraphFailure::Uncertain(reason)) => {
                match self.settings_of(group).await?.into_iter().find(|s| {
                    s["templateId"].as_str() == Some(setting.template_id.to_string().as_str())
                }) {
                    Some(found) => found,
                    None => return Err(fault(GraphFailure::Uncertain(reason), None)),
                }
            }
            Err(failure) if failure.status() == Some(404) && group.is_some() => {
                return Err(Fault::GroupNotFound(group.unwrap_or_default().to_string()))
            }
            Err(failure) => return Err(fault(failure, None)),
        };
        convert::directory_setting(&created).ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "Microsoft Graph answered a setting the bridge cannot read"
            ))
        })
    }

    async fn save_directory_setting(
        &self,
        group: Option<Uuid>,
        setting: DirectorySetting,
        changed: Vec<String>,
    ) -> FaultResult<Outcome> {
        let path = format!("{}/{}", settings_path(group), setting.id);
        match self
            .client
            .call(&Call::patch(
                Version::V1,
                path,
                json!({"values": values_json(&setting)}),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(setting.id, changed)),
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::SettingNotFound(setting.id.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_directory_setting(
        &self,
        group: Option<Uuid>,
        id: Uuid,
    ) -> FaultResult<Outcome> {
        let path = format!("{}/{id}", settings_path(group));
        match self.client.call(&Call::delete(Version::V1, path)).await {
            // Deleted meanwhile, or a lost answer: settled by whether the setting is still there.
            Ok(_) => Ok(Outcome::of(id, ["SettingId"])),
            Err(failure) if failure.status() == Some(404) => Ok(Outcome::of(id, ["SettingId"])),
            Err(GraphFailure::Uncertain(reason)) => {
                if self
                    .directory_settings(group)
                    .await?
                    .iter()
                    .any(|s| s.id == id)
                {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                } else {
                    Ok(Outcome::of(id, ["SettingId"]))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}
