//! Directory settings and their templates: the handlers.
#![allow(non_snake_case)]

use super::*;
use crate::domain::directory_settings as settings;

async fn template(directory: &dyn Directory, id: Uuid) -> FaultResult<SettingTemplate> {
    directory
        .setting_templates()
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| Fault::SettingTemplateNotFound(id.to_string()))
}

async fn existing(
    directory: &dyn Directory,
    group: Option<Uuid>,
    id: Uuid,
) -> FaultResult<DirectorySetting> {
    directory
        .directory_settings(group)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Fault::SettingNotFound(id.to_string()))
}

pub async fn GetAllSettingTemplate(
    p: TenantParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<SettingTemplate>> {
    check_tenant(p.tenant_id, directory).await?;
    Ok(ListPage::all(directory.setting_templates().await?))
}

pub async fn GetSettingTemplate(
    p: GetSettingTemplateParams,
    directory: &dyn Directory,
) -> FaultResult<SettingTemplate> {
    check_tenant(p.tenant_id, directory).await?;
    template(directory, p.template_id).await
}

pub async fn GetAllSettings(
    p: GetAllSettingsParams,
    directory: &dyn Directory,
) -> FaultResult<ListPage<DirectorySetting>> {
    check_tenant(p.tenant_id, directory).await?;
    let group = settings::target(p.target.target_type, p.target.target_object_id.as_deref())?;
    Ok(ListPage::all(directory.directory_settings(group).await?))
}

pub async fn GetSettings(
    p: SettingParams,
    directory: &dyn Directory,
) -> FaultResult<DirectorySetting> {
    check_tenant(p.tenant_id, directory).await?;
    let group = settings::target(p.target.target_type, p.target.target_object_id.as_deref())?;
    existing(directory, group, p.setting_id).await
}

pub async fn NewSettings(
    p: NewSettingsParams,
    directory: &dyn Directory,
) -> FaultResult<DirectorySetting> {
    check_tenant(p.tenant_id, directory).await?;
    let group = settings::target(p.target.target_type, p.target.target_object_id.as_deref())?;
    let template = template(directory, p.template_id).await?;
    settings::check_template_for(&template, group)?;
    let setting = settings::new_setting(&template, &p.values, Uuid::new_v4())?;
    // One setting per template and owner, as Entra keeps them.
    if let Some(present) = directory
        .directory_settings(group)
        .await?
        .into_iter()
        .find(|s| s.template_id == template.id)
    {
        return Err(Fault::ObjectAlreadyExists(format!(
            "A {} setting ({}) already exists there: change it with Set-MsolSettings.",
            template.display_name, present.id
        )));
    }
    directory.new_directory_setting(group, setting).await
}

pub async fn SetSettings(p: SetSettingsParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let group = settings::target(p.target.target_type, p.target.target_object_id.as_deref())?;
    let mut setting = existing(directory, group, p.setting_id).await?;
    let template = template(directory, setting.template_id).await?;
    let changed = settings::apply_values(&mut setting, &template, &p.values)?;
    if changed.is_empty() {
        return Ok(Outcome::of(setting.id, Vec::<String>::new()));
    }
    directory
        .save_directory_setting(group, setting, changed)
        .await
}

pub async fn RemoveSettings(p: SettingParams, directory: &dyn Directory) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let group = settings::target(p.target.target_type, p.target.target_object_id.as_deref())?;
    let setting = existing(directory, group, p.setting_id).await?;
    directory.remove_directory_setting(group, setting.id).await
}
