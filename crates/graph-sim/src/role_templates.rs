//! Every built-in role template, as the Microsoft Entra built-in roles page lists them
//! (entra/identity/role-based-access-control/permissions-reference, "All roles": role, description,
//! template ID, and the privileged label). Graph's `directoryRoleTemplates` answers these; any of them
//! can be activated by `POST /directoryRoles` with its `roleTemplateId`. Descriptions are the page's,
//! without its icon markup.

pub struct RoleTemplate {
    pub id: &'static str,
    pub display_name: &'static str,
    pub description: &'static str,
    /// Marked "Privileged" on the page: these roles can escalate privilege.
    pub privileged: bool,
}

pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
pub const PRIVILEGED_AUTHENTICATION_ADMINISTRATOR: &str = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";
pub const AUTHENTICATION_ADMINISTRATOR: &str = "c4e39bd9-1100-46d3-8c65-fb160da0071f";
pub const AUTHENTICATION_POLICY_ADMINISTRATOR: &str = "0526716b-113d-4c15-b2c8-68e3c22b9f80";

pub const ROLE_TEMPLATES: &[RoleTemplate] = &[
    RoleTemplate { id: "db506228-d27e-4b7d-95e5-295956d6615f", display_name: "Agent ID Administrator", description: "Manage all aspects of agents in a tenant including identity lifecycle operations for agent blueprints, agent service principals, agent identities, and agentic users.", privileged: true },
    RoleTemplate { id: "adb2368d-a9be-41b5-8667-d96778e081b0", display_name: "Agent ID Developer", description: "Create an agent blueprint and its service principal in a tenant. User will be added as an owner of the agent blueprint and its service principal.", privileged: false },
    RoleTemplate { id: "6b942400-691f-4bf0-9d12-d8a254a2baf5", display_name: "Agent Registry Administrator", description: "Manage all aspects of the Agent Registry service in Microsoft Entra ID", privileged: false },
    RoleTemplate { id: "d2562ede-74db-457e-a7b6-544e236ebb61", display_name: "AI Administrator", description: "Manage all aspects of Microsoft 365 Copilot and AI-related enterprise services in Microsoft 365.", privileged: false },
    RoleTemplate { id: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", display_name: "Application Administrator", description: "Can create and manage all aspects of app registrations and enterprise apps.", privileged: true },
    RoleTemplate { id: "cf1c38e5-3621-4004-a7cb-879624dced7c", display_name: "Application Developer", description: "Can create application registrations independent of the 'Users can register applications' setting.", privileged: true },
    RoleTemplate { id: "9c6df0f2-1e7c-4dc3-b195-66dfbd24aa8f", display_name: "Attack Payload Author", description: "Can create attack payloads that an administrator can initiate later.", privileged: false },
    RoleTemplate { id: "c430b396-e693-46cc-96f3-db01bf8bb62a", display_name: "Attack Simulation Administrator", description: "Can create and manage all aspects of attack simulation campaigns.", privileged: false },
    RoleTemplate { id: "58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d", display_name: "Attribute Assignment Administrator", description: "Assign custom security attribute keys and values to supported Microsoft Entra objects.", privileged: false },
    RoleTemplate { id: "ffd52fa5-98dc-465c-991d-fc073eb59f8f", display_name: "Attribute Assignment Reader", description: "Read custom security attribute keys and values for supported Microsoft Entra objects.", privileged: false },
    RoleTemplate { id: "8424c6f0-a189-499e-bbd0-26c1753c96d4", display_name: "Attribute Definition Administrator", description: "Define and manage the definition of custom security attributes.", privileged: false },
    RoleTemplate { id: "1d336d2c-4ae8-42ef-9711-b3604ce3fc2c", display_name: "Attribute Definition Reader", description: "Read the definition of custom security attributes.", privileged: false },
    RoleTemplate { id: "5b784334-f94b-471a-a387-e7219fc49ca2", display_name: "Attribute Log Administrator", description: "Read audit logs and configure diagnostic settings for events related to custom security attributes.", privileged: false },
    RoleTemplate { id: "9c99539d-8186-4804-835f-fd51ef9e2dcd", display_name: "Attribute Log Reader", description: "Read audit logs related to custom security attributes.", privileged: false },
    RoleTemplate { id: "ecb2c6bf-0ab6-418e-bd87-7986f8d63bbe", display_name: "Attribute Provisioning Administrator", description: "Read and edit the provisioning configuration of all active custom security attributes for an application.", privileged: true },
    RoleTemplate { id: "422218e4-db15-4ef9-bbe0-8afb41546d79", display_name: "Attribute Provisioning Reader", description: "Read the provisioning configuration of all active custom security attributes for an application.", privileged: true },
    RoleTemplate { id: "c4e39bd9-1100-46d3-8c65-fb160da0071f", display_name: "Authentication Administrator", description: "Can access to view, set and reset authentication method information for any non-admin user.", privileged: true },
    RoleTemplate { id: "25a516ed-2fa0-40ea-a2d0-12923a21473a", display_name: "Authentication Extensibility Administrator", description: "Customize sign in and sign up experiences for users by creating and managing custom authentication extensions.", privileged: true },
    RoleTemplate { id: "0526716b-113d-4c15-b2c8-68e3c22b9f80", display_name: "Authentication Policy Administrator", description: "Can create and manage the authentication methods policy, tenant-wide MFA settings, password protection policy, and verifiable credentials.", privileged: false },
    RoleTemplate { id: "e3973bdf-4987-49ae-837a-ba8e231c7286", display_name: "Azure DevOps Administrator", description: "Can manage Azure DevOps policies and settings.", privileged: false },
    RoleTemplate { id: "7495fdc4-34c4-4d15-a289-98788ce399fd", display_name: "Azure Information Protection Administrator", description: "Can manage all aspects of the Azure Information Protection product.", privileged: false },
    RoleTemplate { id: "aaf43236-0c0d-4d5f-883a-6955382ac081", display_name: "B2C IEF Keyset Administrator", description: "Can manage secrets for federation and encryption in the Identity Experience Framework (IEF).", privileged: true },
    RoleTemplate { id: "3edaf663-341e-4475-9f94-5c398ef6c070", display_name: "B2C IEF Policy Administrator", description: "Can create and manage trust framework policies in the Identity Experience Framework (IEF).", privileged: false },
    RoleTemplate { id: "b0f54661-2d74-4c50-afa3-1ec803f12efe", display_name: "Billing Administrator", description: "Can perform common billing related tasks like updating payment information.", privileged: false },
    RoleTemplate { id: "892c5842-a9a6-463a-8041-72aa08ca3cf6", display_name: "Cloud App Security Administrator", description: "Can manage all aspects of the Defender for Cloud Apps product.", privileged: false },
    RoleTemplate { id: "158c047a-c907-4556-b7ef-446551a6b5f7", display_name: "Cloud Application Administrator", description: "Can create and manage all aspects of app registrations and enterprise apps except App Proxy.", privileged: true },
    RoleTemplate { id: "7698a772-787b-4ac8-901f-60d6b08affd2", display_name: "Cloud Device Administrator", description: "Limited access to manage devices in Microsoft Entra ID.", privileged: true },
    RoleTemplate { id: "17315797-102d-40b4-93e0-432062caca18", display_name: "Compliance Administrator", description: "Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365.", privileged: false },
    RoleTemplate { id: "e6d1a23a-da11-4be4-9570-befc86d067a7", display_name: "Compliance Data Administrator", description: "Creates and manages compliance content.", privileged: false },
    RoleTemplate { id: "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", display_name: "Conditional Access Administrator", description: "Can manage Conditional Access capabilities.", privileged: true },
    RoleTemplate { id: "5c4f9dcd-47dc-4cf7-8c9a-9e4207cbfc91", display_name: "Customer LockBox Access Approver", description: "Can approve Microsoft support requests to access customer organizational data.", privileged: false },
    RoleTemplate { id: "38a96431-2bdf-4b4c-8b6e-5d3d8abac1a4", display_name: "Desktop Analytics Administrator", description: "Can access and manage Desktop management tools and services.", privileged: false },
    RoleTemplate { id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", display_name: "Directory Readers", description: "Can read basic directory information. Commonly used to grant directory read access to applications and guests.", privileged: false },
    RoleTemplate { id: "d29b2b05-8046-44ba-8758-1e26182fcf32", display_name: "Directory Synchronization Accounts", description: "Only used by Microsoft Entra Connect service.", privileged: false },
    RoleTemplate { id: "9360feb5-f418-4baa-8175-e2a00bac4301", display_name: "Directory Writers", description: "Can read and write basic directory information. For granting access to applications, not intended for users.", privileged: true },
    RoleTemplate { id: "8329153b-31d0-4727-b945-745eb3bc5f31", display_name: "Domain Name Administrator", description: "Can manage domain names in cloud and on-premises.", privileged: true },
    RoleTemplate { id: "e93e3737-fa85-474a-aee4-7d3fb86510f3", display_name: "Dragon Administrator", description: "Manage all aspects of the Microsoft Dragon admin center.", privileged: false },
    RoleTemplate { id: "44367163-eba1-44c3-98af-f5787879f96a", display_name: "Dynamics 365 Administrator", description: "Can manage all aspects of the Dynamics 365 product.", privileged: false },
    RoleTemplate { id: "963797fb-eb3b-4cde-8ce3-5878b3f32a3f", display_name: "Dynamics 365 Business Central Administrator", description: "Access and perform all administrative tasks on Dynamics 365 Business Central environments.", privileged: false },
    RoleTemplate { id: "3f1acade-1e04-4fbc-9b69-f0302cd84aef", display_name: "Edge Administrator", description: "Manage all aspects of Microsoft Edge.", privileged: false },
    RoleTemplate { id: "29232cdf-9323-42fd-ade2-1d097af3e4de", display_name: "Exchange Administrator", description: "Can manage all aspects of the Exchange product.", privileged: false },
    RoleTemplate { id: "49eb8f75-97e9-4e37-9b2b-6c3ebfcffa31", display_name: "Exchange Backup Administrator", description: "Back up and restore content (including granular restore) for Exchange in Microsoft 365 Backup", privileged: false },
    RoleTemplate { id: "31392ffb-586c-42d1-9346-e59415a2cc4e", display_name: "Exchange Recipient Administrator", description: "Can create or update Exchange Online recipients within the Exchange Online organization.", privileged: false },
    RoleTemplate { id: "dd13091a-6207-4fc0-82ba-3641e056ab95", display_name: "Extended Directory User Administrator", description: "Manage all aspects of external user profiles in the extended directory for Teams.", privileged: false },
    RoleTemplate { id: "6e591065-9bad-43ed-90f3-e9424366d2f0", display_name: "External ID User Flow Administrator", description: "Can create and manage all aspects of user flows.", privileged: false },
    RoleTemplate { id: "0f971eea-41eb-4569-a71e-57bb8a3eff1e", display_name: "External ID User Flow Attribute Administrator", description: "Can create and manage the attribute schema available to all user flows.", privileged: false },
    RoleTemplate { id: "be2f45a1-457d-42af-a067-6ec1fa63bc45", display_name: "External Identity Provider Administrator", description: "Can configure identity providers for use in direct federation.", privileged: true },
    RoleTemplate { id: "a9ea8996-122f-4c74-9520-8edcd192826c", display_name: "Fabric Administrator", description: "Can manage all aspects of the Fabric and Power BI products.", privileged: false },
    RoleTemplate { id: "62e90394-69f5-4237-9190-012177145e10", display_name: "Global Administrator", description: "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.", privileged: true },
    RoleTemplate { id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", display_name: "Global Reader", description: "Can read everything that a Global Administrator can, but not update anything.", privileged: true },
    RoleTemplate { id: "ac434307-12b9-4fa1-a708-88bf58caabc1", display_name: "Global Secure Access Administrator", description: "Create and manage all aspects of Global Secure Internet Access and Microsoft Global Secure Private Access, including managing access to public and private endpoints.", privileged: false },
    RoleTemplate { id: "843318fb-79a6-4168-9e6f-aa9a07481cc4", display_name: "Global Secure Access Log Reader", description: "Provides designated security personnel with read-only access to network traffic logs in Microsoft Entra Internet Access and Microsoft Entra Private Access for detailed analysis.", privileged: false },
    RoleTemplate { id: "fdd7a751-b60b-444a-984c-02652fe8fa1c", display_name: "Groups Administrator", description: "Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.", privileged: false },
    RoleTemplate { id: "95e79109-95c0-4d8e-aee3-d01accf2d47b", display_name: "Guest Inviter", description: "Can invite guest users independent of the 'members can invite guests' setting.", privileged: false },
    RoleTemplate { id: "729827e3-9c14-49f7-bb1b-9608f156bbb8", display_name: "Helpdesk Administrator", description: "Can reset passwords for non-administrators and Helpdesk Administrators.", privileged: true },
    RoleTemplate { id: "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", display_name: "Hybrid Identity Administrator", description: "Manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, pass-through authentication (PTA), password hash synchronization (PHS), seamless single sign-on (seamless SSO), and federation settings. Does not have access to manage Microsoft Entra Connect Health.", privileged: true },
    RoleTemplate { id: "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e", display_name: "Identity Governance Administrator", description: "Manage access using Microsoft Entra ID for identity governance scenarios.", privileged: false },
    RoleTemplate { id: "eb1f4a8d-243a-41f0-9fbd-c7cdf6c5ef7c", display_name: "Insights Administrator", description: "Has administrative access in the Microsoft 365 Insights app.", privileged: false },
    RoleTemplate { id: "25df335f-86eb-4119-b717-0ff02de207e9", display_name: "Insights Analyst", description: "Access the analytical capabilities in Microsoft Viva Insights and run custom queries.", privileged: false },
    RoleTemplate { id: "31e939ad-9672-4796-9c2e-873181342d2d", display_name: "Insights Business Leader", description: "Can view and share dashboards and insights via the Microsoft 365 Insights app.", privileged: false },
    RoleTemplate { id: "3a2c62db-5318-420d-8d74-23affee5d9d5", display_name: "Intune Administrator", description: "Can manage all aspects of the Intune product.", privileged: true },
    RoleTemplate { id: "2ea5ce4c-b2d8-4668-bd81-3680bd2d227a", display_name: "IoT Device Administrator", description: "Provision new IoT devices, manage their lifecycle, configure certificates, and manage device templates.", privileged: false },
    RoleTemplate { id: "74ef975b-6605-40af-a5d2-b9539d836353", display_name: "Kaizala Administrator", description: "Can manage settings for Microsoft Kaizala.", privileged: false },
    RoleTemplate { id: "b5a8dcf3-09d5-43a9-a639-8e29ef291470", display_name: "Knowledge Administrator", description: "Can configure knowledge, learning, and other intelligent features.", privileged: false },
    RoleTemplate { id: "744ec460-397e-42ad-a462-8b3f9747a02c", display_name: "Knowledge Manager", description: "Can organize, create, manage, and promote topics and knowledge.", privileged: false },
    RoleTemplate { id: "4d6ac14f-3453-41d0-bef9-a3e0c569773a", display_name: "License Administrator", description: "Can manage product licenses on users and groups.", privileged: false },
    RoleTemplate { id: "59d46f88-662b-457b-bceb-5c3809e5908f", display_name: "Lifecycle Workflows Administrator", description: "Create and manage all aspects of workflows and tasks associated with Lifecycle Workflows in Microsoft Entra ID.", privileged: true },
    RoleTemplate { id: "ac16e43d-7b2d-40e0-ac05-243ff356ab5b", display_name: "Message Center Privacy Reader", description: "Can read security messages and updates in Office 365 Message Center only.", privileged: false },
    RoleTemplate { id: "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", display_name: "Message Center Reader", description: "Can read messages and updates for their organization in Office 365 Message Center only.", privileged: false },
    RoleTemplate { id: "1707125e-0aa2-4d4d-8655-a7c786c76a25", display_name: "Microsoft 365 Backup Administrator", description: "Back up and restore content across supported services (SharePoint, OneDrive, and Exchange Online) in Microsoft 365 Backup", privileged: false },
    RoleTemplate { id: "8c8b803f-96e1-4129-9349-20738d9f9652", display_name: "Microsoft 365 Migration Administrator", description: "Perform all migration functionality to migrate content to Microsoft 365 using Migration Manager.", privileged: false },
    RoleTemplate { id: "00cf5c54-4693-4f59-a0ac-ab79ef0a974d", display_name: "Microsoft 365 Support Engineer", description: "Do not use - not intended for general use.", privileged: false },
    RoleTemplate { id: "9f06204d-73c1-4d4c-880a-6edb90606fd8", display_name: "Microsoft Entra Joined Device Local Administrator", description: "Users assigned to this role are added to the local administrators group on Microsoft Entra joined devices.", privileged: false },
    RoleTemplate { id: "ee67aa9c-e510-4759-b906-227085a7fd4d", display_name: "Microsoft Graph Data Connect Administrator", description: "Manage aspects of Microsoft Graph Data Connect service in a tenant.", privileged: false },
    RoleTemplate { id: "1501b917-7653-4ff9-a4b5-203eaf33784f", display_name: "Microsoft Hardware Warranty Administrator", description: "Create and manage all aspects warranty claims and entitlements for Microsoft manufactured hardware, like Surface and HoloLens.", privileged: false },
    RoleTemplate { id: "281fe777-fb20-4fbb-b7a3-ccebce5b0d96", display_name: "Microsoft Hardware Warranty Specialist", description: "Create and read warranty claims for Microsoft manufactured hardware, like Surface and HoloLens.", privileged: false },
    RoleTemplate { id: "d37c8bed-0711-4417-ba38-b4abe66ce4c2", display_name: "Network Administrator", description: "Can manage network locations and review enterprise network design insights for Microsoft 365 Software as a Service applications.", privileged: false },
    RoleTemplate { id: "2b745bdf-0803-4d80-aa65-822c4493daac", display_name: "Office Apps Administrator", description: "Can manage Office apps cloud services, including policy and settings management, and manage the ability to select, unselect and publish 'what's new' feature content to end-user's devices.", privileged: false },
    RoleTemplate { id: "92ed04bf-c94a-4b82-9729-b799a7a4c178", display_name: "Organizational Branding Administrator", description: "Manage all aspects of organizational branding in a tenant.", privileged: false },
    RoleTemplate { id: "9d70768a-0cbc-4b4c-aea3-2e124b2477f4", display_name: "Organizational Data Source Administrator", description: "Set up and manage the ingestion of organizational data into Microsoft 365.", privileged: false },
    RoleTemplate { id: "e48398e2-f4bb-4074-8f31-4586725e205b", display_name: "Organizational Messages Approver", description: "Review, approve, or reject new organizational messages for delivery in the Microsoft 365 admin center before they are sent to users.", privileged: false },
    RoleTemplate { id: "507f53e4-4e52-4077-abd3-d2e1558b6ea2", display_name: "Organizational Messages Writer", description: "Write, publish, manage, and review the organizational messages for end-users through Microsoft product surfaces.", privileged: false },
    RoleTemplate { id: "4ba39ca4-527c-499a-b93d-d9b492c50246", display_name: "Partner Tier1 Support", description: "Do not use - not intended for general use.", privileged: true },
    RoleTemplate { id: "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8", display_name: "Partner Tier2 Support", description: "Do not use - not intended for general use.", privileged: true },
    RoleTemplate { id: "966707d0-3269-4727-9be2-8c3a10f19b9d", display_name: "Password Administrator", description: "Can reset passwords for non-administrators and Password Administrators.", privileged: true },
    RoleTemplate { id: "024906de-61e5-49c8-8572-40335f1e0e10", display_name: "People Administrator", description: "Manage profile photos of users and people settings for all users in the organization.", privileged: false },
    RoleTemplate { id: "af78dc32-cf4d-46f9-ba4e-4428526346b5", display_name: "Permissions Management Administrator", description: "Manage all aspects of Microsoft Entra Permissions Management.", privileged: false },
    RoleTemplate { id: "78b0ccd1-afc2-4f92-9116-b41aedd09592", display_name: "Places Administrator", description: "Manage all aspects of the Microsoft Places service.", privileged: false },
    RoleTemplate { id: "11648597-926c-4cf3-9c36-bcebb0ba8dcc", display_name: "Power Platform Administrator", description: "Can create and manage all aspects of Microsoft Dynamics 365, Power Apps and Power Automate.", privileged: false },
    RoleTemplate { id: "644ef478-e28f-4e28-b9dc-3fdde9aa0b1f", display_name: "Printer Administrator", description: "Can manage all aspects of printers and printer connectors.", privileged: false },
    RoleTemplate { id: "e8cef6f1-e4bd-4ea8-bc07-4b8d950f4477", display_name: "Printer Technician", description: "Can register and unregister printers and update printer status.", privileged: false },
    RoleTemplate { id: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", display_name: "Privileged Authentication Administrator", description: "Can access to view, set and reset authentication method information for any user (admin or non-admin).", privileged: true },
    RoleTemplate { id: "e8611ab8-c189-46e8-94e1-60213ab1f814", display_name: "Privileged Role Administrator", description: "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.", privileged: true },
    RoleTemplate { id: "4a5d8f65-41da-4de4-8968-e035b65339cf", display_name: "Reports Reader", description: "Can read sign-in and audit reports.", privileged: false },
    RoleTemplate { id: "0964bb5e-9bdb-4d7b-ac29-58e794862a40", display_name: "Search Administrator", description: "Can create and manage all aspects of Microsoft Search settings.", privileged: false },
    RoleTemplate { id: "8835291a-918c-4fd7-a9ce-faa49f0cf7d9", display_name: "Search Editor", description: "Can create and manage the editorial content such as bookmarks, Q and As, locations, floorplan.", privileged: false },
    RoleTemplate { id: "194ae4cb-b126-40b2-bd5b-6091b380977d", display_name: "Security Administrator", description: "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.", privileged: true },
    RoleTemplate { id: "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", display_name: "Security Operator", description: "Creates and manages security events.", privileged: true },
    RoleTemplate { id: "5d6b6bb7-de71-4623-b4af-96380a352509", display_name: "Security Reader", description: "Can read security information and reports in Microsoft Entra ID and Office 365.", privileged: true },
    RoleTemplate { id: "f023fd81-a637-4b56-95fd-791ac0226033", display_name: "Service Support Administrator", description: "Can read service health information and manage support tickets.", privileged: false },
    RoleTemplate { id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", display_name: "SharePoint Administrator", description: "Can manage all aspects of the SharePoint service.", privileged: false },
    RoleTemplate { id: "99009c4a-3b3f-4957-82a9-9d35e12db77e", display_name: "SharePoint Advanced Management Administrator", description: "Manage all aspects of SharePoint Advanced Management.", privileged: false },
    RoleTemplate { id: "9d3e04ba-3ee4-4d1b-a3a7-9aef423a09be", display_name: "SharePoint Backup Administrator", description: "Back up and restore content (including granular restore) for SharePoint and OneDrive in Microsoft 365 Backup", privileged: false },
    RoleTemplate { id: "1a7d78b6-429f-476b-b8eb-35fb715fffd4", display_name: "SharePoint Embedded Administrator", description: "Manage all aspects of SharePoint Embedded containers.", privileged: false },
    RoleTemplate { id: "75941009-915a-4869-abe7-691bff18279e", display_name: "Skype for Business Administrator", description: "Can manage all aspects of the Skype for Business product.", privileged: false },
    RoleTemplate { id: "69091246-20e8-4a56-aa4d-066075b2a7a8", display_name: "Teams Administrator", description: "Can manage the Microsoft Teams service.", privileged: false },
    RoleTemplate { id: "baf37b3a-610e-45da-9e62-d9d1e5e8914b", display_name: "Teams Communications Administrator", description: "Can manage calling and meetings features within the Microsoft Teams service.", privileged: false },
    RoleTemplate { id: "f70938a0-fc10-4177-9e90-2178f8765737", display_name: "Teams Communications Support Engineer", description: "Can troubleshoot communications issues within Teams using advanced tools.", privileged: false },
    RoleTemplate { id: "fcf91098-03e3-41a9-b5ba-6f0ec8188a12", display_name: "Teams Communications Support Specialist", description: "Can troubleshoot communications issues within Teams using basic tools.", privileged: false },
    RoleTemplate { id: "3d762c5a-1b6c-493f-843e-55a3b42923d4", display_name: "Teams Devices Administrator", description: "Can perform management related tasks on Teams certified devices.", privileged: false },
    RoleTemplate { id: "1076ac91-f3d9-41a7-a339-dcdf5f480acc", display_name: "Teams Reader", description: "Read everything in the Teams admin center, but not update anything.", privileged: false },
    RoleTemplate { id: "aa38014f-0993-46e9-9b45-30501a20909d", display_name: "Teams Telephony Administrator", description: "Manage voice and telephony features and troubleshoot communication issues within the Microsoft Teams service.", privileged: false },
    RoleTemplate { id: "112ca1a2-15ad-4102-995e-45b0bc479a6a", display_name: "Tenant Creator", description: "Create new Microsoft Entra or Azure AD B2C tenants.", privileged: false },
    RoleTemplate { id: "75934031-6c7e-415a-99d7-48dbd49e875e", display_name: "Usage Summary Reports Reader", description: "Read Usage reports and Adoption Score, but can't access user details.", privileged: false },
    RoleTemplate { id: "fe930be7-5e62-47db-91af-98c3a49a38b1", display_name: "User Administrator", description: "Can manage all aspects of users and groups, including resetting passwords for limited admins.", privileged: true },
    RoleTemplate { id: "27460883-1df1-4691-b032-3b79643e5e63", display_name: "User Experience Success Manager", description: "View product feedback, survey results, and reports to find training and communication opportunities.", privileged: false },
    RoleTemplate { id: "e300d9e7-4a2b-4295-9eff-f1c78b36cc98", display_name: "Virtual Visits Administrator", description: "Manage and share Virtual Visits information and metrics from admin centers or the Virtual Visits app.", privileged: false },
    RoleTemplate { id: "0ec3f692-38d6-4d14-9e69-0377ca7797ad", display_name: "Viva Glint Tenant Administrator", description: "Manage and configure Microsoft Viva Glint settings in the Microsoft 365 admin center.", privileged: false },
    RoleTemplate { id: "92b086b3-e367-4ef2-b869-1de128fb986e", display_name: "Viva Goals Administrator", description: "Manage and configure all aspects of Microsoft Viva Goals.", privileged: false },
    RoleTemplate { id: "87761b17-1ed2-4af3-9acd-92a150038160", display_name: "Viva Pulse Administrator", description: "Can manage all settings for Microsoft Viva Pulse app.", privileged: false },
    RoleTemplate { id: "11451d60-acb2-45eb-a7d6-43d0f0125c13", display_name: "Windows 365 Administrator", description: "Can provision and manage all aspects of Cloud PCs.", privileged: false },
    RoleTemplate { id: "32696413-001a-46ae-978c-ce0f6b3620d2", display_name: "Windows Update Deployment Administrator", description: "Can create and manage all aspects of Windows Update deployments through the Windows Update for Business deployment service.", privileged: false },
    RoleTemplate { id: "810a2642-a034-447f-a5e8-41beaa378541", display_name: "Yammer Administrator", description: "Manage all aspects of the Yammer service.", privileged: false },
];

/// A template by id, any case.
pub fn by_id(id: &str) -> Option<&'static RoleTemplate> {
    ROLE_TEMPLATES
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_guids_and_the_named_ones_are_listed() {
        let mut ids: Vec<String> = ROLE_TEMPLATES
            .iter()
            .map(|t| t.id.to_ascii_lowercase())
            .collect();
        assert!(ids.iter().all(|id| uuid::Uuid::parse_str(id).is_ok()));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ROLE_TEMPLATES.len());
        for id in [
            GLOBAL_ADMINISTRATOR,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            AUTHENTICATION_ADMINISTRATOR,
            AUTHENTICATION_POLICY_ADMINISTRATOR,
        ] {
            assert!(by_id(id).is_some(), "{id}");
        }
        assert_eq!(
            by_id(AUTHENTICATION_POLICY_ADMINISTRATOR)
                .unwrap()
                .display_name,
            "Authentication Policy Administrator"
        );
    }
}
