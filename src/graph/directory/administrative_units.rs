//! Administrative units on Graph: `directory/administrativeUnits` (graph/api/directory-list-
//! administrativeunits, directory-post-administrativeunits, administrativeunit-get, -update,
//! -delete), their members through `$ref` (administrativeunit-list-members, -post-members,
//! -delete-members) and the roles scoped to them (administrativeunit-list-scopedrolemembers,
//! -post-scopedrolemembers, -delete-scopedrolemembers). A user's units are the administrative
//! units among the user's `memberOf` (user-list-memberof: "groups, directory roles, and
//! administrative units that the user is a direct member of").

use super::*;
use crate::domain::model::{AdministrativeUnit, AdministrativeUnitMember, RoleScopedMember};

const UNITS: &str = "/directory/administrativeUnits";
const UNIT_SELECT: &str = "id,displayName,description";
const MEMBER_SELECT: &str = "id,displayName,userPrincipalName,mail";

fn unit_path(id: Uuid) -> String {
    format!("{UNITS}/{id}")
}

fn id_of(value: &Value) -> Option<Uuid> {
    value["id"].as_str().and_then(|i| Uuid::parse_str(i).ok())
}

impl GraphDirectory {
    /// Settles a 404 on a unit's sub-resource: the unit is gone, or `otherwise` (the member was).
    async fn unit_or(&self, unit: Uuid, otherwise: Fault) -> Fault {
        match self.administrative_unit(unit).await {
            Ok(_) => otherwise,
            Err(fault) => fault,
        }
    }

    /// The template ids of the activated directory roles, by their object ids: scoped role
    /// memberships name the activated role's id (scopedrolemembership: roleId), while MSOnline
    /// names a role by its template id.
    async fn role_templates_by_id(&self) -> FaultResult<Vec<(Uuid, Uuid)>> {
        Ok(self
            .all_pages("/directoryRoles?$select=id,roleTemplateId")
            .await?
            .iter()
            .filter_map(|r| {
                Some((
                    id_of(r)?,
                    Uuid::parse_str(r["roleTemplateId"].as_str()?).ok()?,
                ))
            })
            .collect())
    }

    /// The unit's scoped role memberships as Graph lists them.
    async fn scoped_memberships(&self, unit: Uuid) -> FaultResult<Vec<Value>> {
        match self
            .all_pages_unless_missing(&format!("{}/scopedRoleMembers", unit_path(unit)))
            .await?
        {
            Some(memberships) => Ok(memberships),
            None => Err(Fault::AdministrativeUnitNotFound(unit.to_string())),
        }
    }

    /// The id of the membership that gives `user` the activated role `role_id` over the unit.
    async fn scoped_membership_id(
        &self,
        unit: Uuid,
        role_id: &str,
        user: Uuid,
    ) -> FaultResult<Option<String>> {
        Ok(self
            .scoped_memberships(unit)
            .await?
            .iter()
            .find(|m| {
                m["roleId"].as_str() == Some(role_id) && id_of(&m["roleMemberInfo"]) == Some(user)
            })
            .and_then(|m| m["id"].as_str().map(str::to_string)))
    }

    async fn unit_member_ids(&self, unit: Uuid) -> FaultResult<Vec<Uuid>> {
        Ok(self
            .administrative_unit_members(unit)
            .await?
            .iter()
            .map(|m| m.object_id)
            .collect())
    }
}

#[async_trait]
impl AdministrativeUnitDirectory for GraphDirectory {
    async fn administrative_units(
        &self,
        member: Option<Uuid>,
    ) -> FaultResult<Vec<AdministrativeUnit>> {
        let objects = match member {
            Some(user) => self
                .all_pages(&format!("/users/{user}/memberOf"))
                .await?
                .into_iter()
                .filter(|o| o["@odata.type"] == "#microsoft.graph.administrativeUnit")
                .collect(),
            None => {
                self.all_pages(&format!("{UNITS}?$select={UNIT_SELECT}"))
                    .await?
            }
        };
        Ok(objects
            .iter()
            .filter_map(convert::administrative_unit)
            .collect())
    }

    async fn administrative_unit(&self, id: Uuid) -> FaultResult<AdministrativeUnit> {
        let not_found = || Fault::AdministrativeUnitNotFound(id.to_string());
        match self
            .client
            .call(&Call::get(
                Version::V1,
                format!("{}?$select={UNIT_SELECT}", unit_path(id)),
            ))
            .await
        {
            Ok(reply) => convert::administrative_unit(&reply.body).ok_or_else(not_found),
            Err(failure) if failure.status() == Some(404) => Err(not_found()),
            Err(failure) => Err(fault(failure, None)),
        }
    }

    /// A lost answer to the create is not retried: display names need not be unique, so the
    /// bridge could not tell its own unit from one made alike; the fault says so.
    async fn new_administrative_unit(
        &self,
        unit: AdministrativeUnit,
    ) -> FaultResult<AdministrativeUnit> {
        let mut body = json!({"displayName": unit.display_name});
        if let Some(description) = &unit.description {
            body["description"] = json!(description);
        }
        let created = self
            .write(Call::post(Version::V1, UNITS, Some(body)), None)
            .await?;
        convert::administrative_unit(&created.body).ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "Microsoft Graph answered an administrative unit without an id"
            ))
        })
    }

    async fn save_administrative_unit(
        &self,
        unit: AdministrativeUnit,
        changed: Vec<&'static str>,
    ) -> FaultResult<Outcome> {
        let mut body = Map::new();
        if changed.contains(&"DisplayName") {
            body.insert("displayName".to_string(), json!(unit.display_name));
        }
        if changed.contains(&"Description") {
            body.insert("description".to_string(), json!(unit.description));
        }
        let id = unit.object_id;
        match self
            .client
            .call(&Call::patch(
                Version::V1,
                unit_path(id),
                Value::Object(body),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, changed)),
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::AdministrativeUnitNotFound(id.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_administrative_unit(&self, id: Uuid) -> FaultResult<Outcome> {
        self.administrative_unit(id).await?;
        match self
            .client
            .call(&Call::delete(Version::V1, unit_path(id)))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["ObjectId"])),
            // Deleted meanwhile, or a lost answer: settled by whether the unit is still there.
            Err(failure) if failure.status() == Some(404) => Ok(Outcome::of(id, ["ObjectId"])),
            Err(GraphFailure::Uncertain(reason)) => match self.administrative_unit(id).await {
                Err(Fault::AdministrativeUnitNotFound(_)) => Ok(Outcome::of(id, ["ObjectId"])),
                _ => Err(fault(GraphFailure::Uncertain(reason), None)),
            },
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn administrative_unit_members(
        &self,
        unit: Uuid,
    ) -> FaultResult<Vec<AdministrativeUnitMember>> {
        let path = format!("{}/members?$select={MEMBER_SELECT}", unit_path(unit));
        match self.all_pages_unless_missing(&path).await? {
            Some(members) => Ok(members
                .iter()
                .filter_map(convert::administrative_unit_member)
                .collect()),
            None => Err(Fault::AdministrativeUnitNotFound(unit.to_string())),
        }
    }

    async fn add_administrative_unit_member(
        &self,
        unit: Uuid,
        member: Uuid,
    ) -> FaultResult<Outcome> {
        let reference = json!({"@odata.id": format!("{}/directoryObjects/{member}", self.client.url(Version::V1, ""))});
        let added = || Ok(Outcome::of(member, ["AdministrativeUnitMembership"]));
        match self
            .client
            .call(&Call::post(
                Version::V1,
                format!("{}/members/$ref", unit_path(unit)),
                Some(reference),
            ))
            .await
        {
            Ok(_) => added(),
            Err(failure)
                if failure.status() == Some(400)
                    && failure.to_string().contains("already exist") =>
            {
                Err(Fault::AdministrativeUnitMemberAlreadyExists)
            }
            Err(failure) if failure.status() == Some(404) => Err(self
                .unit_or(
                    unit,
                    Fault::invalid(
                        "AdministrativeUnitMemberObjectId",
                        format!("{member} is no user, group or device of this tenant; only those can be members of an administrative unit."),
                    ),
                )
                .await),
            Err(GraphFailure::Uncertain(reason)) => {
                if self.unit_member_ids(unit).await?.contains(&member) {
                    added()
                } else {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_administrative_unit_member(
        &self,
        unit: Uuid,
        member: Uuid,
    ) -> FaultResult<Outcome> {
        let removed = || Ok(Outcome::of(member, ["AdministrativeUnitMembership"]));
        match self
            .client
            .call(&Call::delete(
                Version::V1,
                format!("{}/members/{member}/$ref", unit_path(unit)),
            ))
            .await
        {
            Ok(_) => removed(),
            Err(failure) if failure.status() == Some(404) => Err(self
                .unit_or(unit, Fault::AdministrativeUnitMemberNotFound)
                .await),
            Err(GraphFailure::Uncertain(reason)) => {
                if self.unit_member_ids(unit).await?.contains(&member) {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                } else {
                    removed()
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn scoped_role_members(&self, unit: Uuid) -> FaultResult<Vec<RoleScopedMember>> {
        let memberships = self.scoped_memberships(unit).await?;
        if memberships.is_empty() {
            return Ok(Vec::new());
        }
        let templates = self.role_templates_by_id().await?;
        Ok(memberships
            .iter()
            .filter_map(|m| {
                let role_id = Uuid::parse_str(m["roleId"].as_str()?).ok()?;
                let template = templates
                    .iter()
                    .find(|(id, _)| *id == role_id)
                    .map(|(_, template)| *template)?;
                convert::role_scoped_member(m, template, unit)
            })
            .collect())
    }

    async fn add_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome> {
        self.administrative_unit(unit).await?;
        let activated = self.activated_role(role).await?;
        let role_id = activated["id"].as_str().unwrap_or_default().to_string();
        // Graph's answer to a repeat is not documented: the bridge looks first.
        if self
            .scoped_membership_id(unit, &role_id, user)
            .await?
            .is_some()
        {
            return Err(Fault::RoleMemberAlreadyExists);
        }
        let body = json!({"roleId": role_id, "roleMemberInfo": {"id": user}});
        let added = || Ok(Outcome::of(user, ["ScopedRoleMembership"]));
        match self
            .client
            .call(&Call::post(
                Version::V1,
                format!("{}/scopedRoleMembers", unit_path(unit)),
                Some(body),
            ))
            .await
        {
            Ok(_) => added(),
            Err(failure) if failure.status() == Some(404) => Err(self
                .unit_or(unit, Fault::UserNotFound(user.to_string()))
                .await),
            Err(GraphFailure::Uncertain(reason)) => {
                match self.scoped_membership_id(unit, &role_id, user).await? {
                    Some(_) => added(),
                    None => Err(fault(GraphFailure::Uncertain(reason), None)),
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_scoped_role_member(
        &self,
        unit: Uuid,
        role: Uuid,
        user: Uuid,
    ) -> FaultResult<Outcome> {
        let memberships = self.scoped_memberships(unit).await?;
        if memberships.is_empty() {
            return Err(Fault::RoleMemberNotFound);
        }
        // A role never activated has no memberships anywhere.
        let Some(role_id) = self
            .role_templates_by_id()
            .await?
            .iter()
            .find(|(_, template)| *template == role)
            .map(|(id, _)| id.to_string())
        else {
            return Err(Fault::RoleMemberNotFound);
        };
        let Some(membership) = memberships
            .iter()
            .find(|m| {
                m["roleId"].as_str() == Some(role_id.as_str())
                    && id_of(&m["roleMemberInfo"]) == Some(user)
            })
            .and_then(|m| m["id"].as_str().map(str::to_string))
        else {
            return Err(Fault::RoleMemberNotFound);
        };
        let removed = || Ok(Outcome::of(user, ["ScopedRoleMembership"]));
        match self
            .client
            .call(&Call::delete(
                Version::V1,
                format!("{}/scopedRoleMembers/{membership}", unit_path(unit)),
            ))
            .await
        {
            Ok(_) => removed(),
            Err(failure) if failure.status() == Some(404) => removed(),
            Err(GraphFailure::Uncertain(reason)) => {
                match self.scoped_membership_id(unit, &role_id, user).await? {
                    None => removed(),
                    Some(_) => Err(fault(GraphFailure::Uncertain(reason), None)),
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }
}
