//! The built-in directory roles. MSOnline names them by their legacy API names and uses the role
//! template id as the role's ObjectId, constant across tenants; `-RoleName` takes either name.

use uuid::Uuid;

use super::model::Role;

pub struct BuiltInRole {
    pub template_id: &'static str,
    /// The name MSOnline prints (`Role.Name`).
    pub legacy_name: &'static str,
    /// The name Microsoft Entra and Graph use today.
    pub current_name: &'static str,
    pub description: &'static str,
}

pub const COMPANY_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";

pub const BUILT_IN_ROLES: &[BuiltInRole] = &[
    BuiltInRole { template_id: COMPANY_ADMINISTRATOR, legacy_name: "Company Administrator", current_name: "Global Administrator", description: "Company Administrator role has full access to perform any operation in the company scope." },
    BuiltInRole { template_id: "fe930be7-5e62-47db-91af-98c3a49a38b1", legacy_name: "User Account Administrator", current_name: "User Administrator", description: "User Account Administrator has access to perform common user management related tasks." },
    BuiltInRole { template_id: "729827e3-9c14-49f7-bb1b-9608f156bbb8", legacy_name: "Helpdesk Administrator", current_name: "Helpdesk Administrator", description: "Helpdesk Administrator has access to perform common helpdesk related tasks." },
    BuiltInRole { template_id: "966707d0-3269-4727-9be2-8c3a10f19b9d", legacy_name: "Password Administrator", current_name: "Password Administrator", description: "Can reset passwords for non-administrators and Password Administrators." },
    BuiltInRole { template_id: "29232cdf-9323-42fd-ade2-1d097af3e4de", legacy_name: "Exchange Service Administrator", current_name: "Exchange Administrator", description: "Exchange Service Administrator." },
    BuiltInRole { template_id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", legacy_name: "SharePoint Service Administrator", current_name: "SharePoint Administrator", description: "SharePoint Service Administrator." },
    BuiltInRole { template_id: "75941009-915a-4869-abe7-691bff18279e", legacy_name: "Lync Service Administrator", current_name: "Skype for Business Administrator", description: "Lync Service Administrator." },
    BuiltInRole { template_id: "69091246-20e8-4a56-aa4d-066075b2a7a8", legacy_name: "Teams Service Administrator", current_name: "Teams Administrator", description: "Can manage the Microsoft Teams service." },
    BuiltInRole { template_id: "baf37b3a-610e-45da-9e62-d9d1e5e8914b", legacy_name: "Teams Communications Administrator", current_name: "Teams Communications Administrator", description: "Can manage calling and meetings features within the Microsoft Teams service." },
    BuiltInRole { template_id: "44367163-eba1-44c3-98af-f5787879f96a", legacy_name: "CRM Service Administrator", current_name: "Dynamics 365 Administrator", description: "CRM Service Administrator." },
    BuiltInRole { template_id: "a9ea8996-122f-4c74-9520-8edcd192826c", legacy_name: "Power BI Service Administrator", current_name: "Fabric Administrator", description: "Full access in the Power BI service." },
    BuiltInRole { template_id: "3a2c62db-5318-420d-8d74-23affee5d9d5", legacy_name: "Intune Service Administrator", current_name: "Intune Administrator", description: "Full access in the Intune service." },
    BuiltInRole { template_id: "b0f54661-2d74-4c50-afa3-1ec803f12efe", legacy_name: "Billing Administrator", current_name: "Billing Administrator", description: "Billing Administrator has access to perform common billing related tasks." },
    BuiltInRole { template_id: "4d6ac14f-3453-41d0-bef9-a3e0c569773a", legacy_name: "License Administrator", current_name: "License Administrator", description: "Can manage product licenses on users and groups." },
    BuiltInRole { template_id: "fdd7a751-b60b-444a-984c-02652fe8fa1c", legacy_name: "Groups Administrator", current_name: "Groups Administrator", description: "Can manage all aspects of groups and group settings." },
    BuiltInRole { template_id: "f023fd81-a637-4b56-95fd-791ac0226033", legacy_name: "Service Support Administrator", current_name: "Service Support Administrator", description: "Can read service health information and manage support tickets." },
    BuiltInRole { template_id: "194ae4cb-b126-40b2-bd5b-6091b380977d", legacy_name: "Security Administrator", current_name: "Security Administrator", description: "Security Administrator allows ability to read and manage security configuration and reports." },
    BuiltInRole { template_id: "5d6b6bb7-de71-4623-b4af-96380a352509", legacy_name: "Security Reader", current_name: "Security Reader", description: "Security Reader allows ability to read security information and reports." },
    BuiltInRole { template_id: "17315797-102d-40b4-93e0-432062caca18", legacy_name: "Compliance Administrator", current_name: "Compliance Administrator", description: "Can read and manage compliance configuration and reports." },
    BuiltInRole { template_id: "e8611ab8-c189-46e8-94e1-60213ab1f814", legacy_name: "Privileged Role Administrator", current_name: "Privileged Role Administrator", description: "Privileged Role Administrator has access to perform role assignment related tasks." },
    BuiltInRole { template_id: "c4e39bd9-1100-46d3-8c65-fb160da0071f", legacy_name: "Authentication Administrator", current_name: "Authentication Administrator", description: "Can view, set and reset authentication method information for non-admin users." },
    BuiltInRole { template_id: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", legacy_name: "Privileged Authentication Administrator", current_name: "Privileged Authentication Administrator", description: "Can view, set and reset authentication method information for any user." },
    BuiltInRole { template_id: "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", legacy_name: "Conditional Access Administrator", current_name: "Conditional Access Administrator", description: "Can manage Conditional Access capabilities." },
    BuiltInRole { template_id: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", legacy_name: "Application Administrator", current_name: "Application Administrator", description: "Can create and manage all aspects of app registrations and enterprise apps." },
    BuiltInRole { template_id: "158c047a-c907-4556-b7ef-446551a6b5f7", legacy_name: "Cloud Application Administrator", current_name: "Cloud Application Administrator", description: "Can create and manage all aspects of app registrations and enterprise apps except App Proxy." },
    BuiltInRole { template_id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", legacy_name: "Global Reader", current_name: "Global Reader", description: "Can read everything that a Global Administrator can, but not update anything." },
    BuiltInRole { template_id: "4a5d8f65-41da-4de4-8968-e035b65339cf", legacy_name: "Reports Reader", current_name: "Reports Reader", description: "Can read sign-in and audit reports." },
    BuiltInRole { template_id: "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", legacy_name: "Message Center Reader", current_name: "Message Center Reader", description: "Can read messages and updates for their organization in Message Center only." },
    BuiltInRole { template_id: "95e79109-95c0-4d8e-aee3-d01accf2d47b", legacy_name: "Guest Inviter", current_name: "Guest Inviter", description: "Can invite guest users independent of the 'members can invite guests' setting." },
    BuiltInRole { template_id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", legacy_name: "Directory Readers", current_name: "Directory Readers", description: "Allows access to various read only tasks in the directory." },
    BuiltInRole { template_id: "9360feb5-f418-4baa-8175-e2a00bac4301", legacy_name: "Directory Writers", current_name: "Directory Writers", description: "Allows access read tasks and a subset of write tasks in the directory." },
    BuiltInRole { template_id: "d29b2b05-8046-44ba-8758-1e26182fcf32", legacy_name: "Directory Synchronization Accounts", current_name: "Directory Synchronization Accounts", description: "Directory Synchronization Accounts." },
    BuiltInRole { template_id: "4ba39ca4-527c-499a-b93d-d9b492c50246", legacy_name: "Partner Tier1 Support", current_name: "Partner Tier1 Support", description: "Allows ability to perform tier1 support tasks." },
    BuiltInRole { template_id: "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8", legacy_name: "Partner Tier2 Support", current_name: "Partner Tier2 Support", description: "Allows ability to perform tier2 support tasks." },
    // Roles that can be held over an administrative unit (domain::administrative_units).
    BuiltInRole { template_id: "7698a772-787b-4ac8-901f-60d6b08affd2", legacy_name: "Cloud Device Administrator", current_name: "Cloud Device Administrator", description: "Limited access to manage devices in Microsoft Entra ID." },
    BuiltInRole { template_id: "644ef478-e28f-4e28-b9dc-3fdde9aa0b1f", legacy_name: "Printer Administrator", current_name: "Printer Administrator", description: "Can manage all aspects of printers and printer connectors." },
    BuiltInRole { template_id: "3d762c5a-1b6c-493f-843e-55a3b42923d4", legacy_name: "Teams Devices Administrator", current_name: "Teams Devices Administrator", description: "Can perform management related tasks on Teams certified devices." },
];

impl BuiltInRole {
    pub fn id(&self) -> Uuid {
        Uuid::parse_str(self.template_id).expect("built-in role template ids are valid")
    }

    pub fn role(&self) -> Role {
        Role {
            object_id: self.id(),
            name: self.legacy_name.to_string(),
            description: self.description.to_string(),
            is_enabled: true,
            is_system: true,
        }
    }
}

/// Finds a role by its legacy or current name, ignoring case.
pub fn by_name(name: &str) -> Option<&'static BuiltInRole> {
    let wanted = name.trim();
    BUILT_IN_ROLES.iter().find(|role| {
        role.legacy_name.eq_ignore_ascii_case(wanted)
            || role.current_name.eq_ignore_ascii_case(wanted)
    })
}

pub fn by_id(id: Uuid) -> Option<&'static BuiltInRole> {
    BUILT_IN_ROLES.iter().find(|role| role.id() == id)
}

pub fn all() -> Vec<Role> {
    BUILT_IN_ROLES.iter().map(BuiltInRole::role).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_and_current_names_find_the_same_role() {
        let legacy = by_name("company administrator").unwrap();
        let current = by_name("Global Administrator").unwrap();
        assert_eq!(legacy.template_id, current.template_id);
        assert_eq!(legacy.role().name, "Company Administrator");
    }

    #[test]
    fn template_ids_are_unique_and_valid() {
        let mut ids: Vec<Uuid> = BUILT_IN_ROLES.iter().map(BuiltInRole::id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), BUILT_IN_ROLES.len());
    }
}
