# The help text of every cmdlet: synopsis, description, every parameter and MSOnline-style examples.
# The module turns it into MAML (Get-Help's format) beside its compiled assembly.
@{
    Common = @{
        TenantId                 = 'The tenant to act on. Only partners act on other tenants; the default is the connected tenant.'
        ObjectId                 = 'The object id of the user.'
        UserPrincipalName        = 'The user principal name (sign-in name) of the user, for example ben@contoso.com.'
        All                      = 'Returns every result. Cannot be used with MaxResults.'
        MaxResults               = 'The largest number of results to return.'
        SearchString             = 'Returns objects whose display name or email address starts with this text.'
        ReturnDeletedUsers       = 'Returns users in the recycle bin (deleted in the last 30 days).'
        City                     = 'The city of the user.'
        Country                  = 'The country or region of the user.'
        Department               = 'The department of the user.'
        DisplayName              = 'The display name of the user.'
        Fax                      = 'The fax number of the user.'
        FirstName                = 'The first name of the user.'
        LastName                 = 'The last name of the user.'
        MobilePhone              = 'The mobile phone number of the user, with its country code (+1 4255550100): SMS and mobile voice methods use it.'
        Office                   = 'The office of the user.'
        PhoneNumber              = 'The office phone number of the user, with its country code: office voice methods use it.'
        PostalCode               = 'The postal code of the user.'
        PreferredDataLocation    = 'The preferred data location of the user (multi-geo tenants).'
        PreferredLanguage        = 'The preferred language of the user, for example en-US.'
        State                    = 'The state or province of the user.'
        StreetAddress            = 'The street address of the user.'
        Title                    = 'The job title of the user.'
        UsageLocation            = 'The two-letter country code where the user uses services (US, GB, ...). Needed before a licence can be assigned.'
        ImmutableId              = 'The immutable id of the user in the on-premises directory (synchronized and federated users).'
        BlockCredential          = '$true stops the user from signing in; $false lets the user sign in.'
        PasswordNeverExpires     = 'Whether the password of the user never expires.'
        StrongPasswordRequired   = 'Whether the user must use a strong password.'
        AlternateEmailAddresses  = 'Other email addresses of the user.'
        AlternateMobilePhones    = 'Other mobile phone numbers of the user; the first one backs the TwoWayVoiceAlternateMobile method.'
        StrongAuthenticationMethods      = 'The registered MFA methods: StrongAuthenticationMethod objects with MethodType (OneWaySMS, TwoWayVoiceMobile, TwoWayVoiceOffice, TwoWayVoiceAlternateMobile, PhoneAppOTP, PhoneAppNotification) and IsDefault, exactly one default. @() clears them, so the user registers again at next sign-in; per-user MFA stays as it is.'
        StrongAuthenticationRequirements = 'Per-user MFA: one StrongAuthenticationRequirement with RelyingParty "*" and State Enabled or Enforced turns it on; @() turns it off and keeps the registered methods. An Enabled user who has a registered method reads back Enforced.'
        LastPasswordChangeTimestamp      = 'Read-only. Accepted when it equals the stored value, as when a user from Get-MsolUser is piped back.'
        SoftDeletionTimestamp            = 'Read-only. Accepted when it equals the stored value, as when a user from Get-MsolUser is piped back.'
        StsRefreshTokensValidFrom        = 'Refresh tokens issued before this time stop working (signs the user out everywhere).'
        UserType                 = 'The type of the user: Member or Guest (Other and Viral are legacy values).'
        NewUserPrincipalName     = 'The new user principal name.'
        NewPassword              = 'The new password. A random password is generated when it is not given.'
        ForceChangePassword      = 'Whether the user must change the password at next sign-in.'
        RoleObjectId             = 'The object id of the role (the role template id for built-in roles).'
        RoleName                 = 'The name of the role: the legacy name ("Company Administrator") or the current one ("Global Administrator").'
        RoleMemberType           = 'The type of the member: User (default) or ServicePrincipal.'
        RoleMemberObjectId       = 'The object id of the member to add or remove.'
        RoleMemberEmailAddress   = 'The user principal name of the user to add or remove.'
        MemberObjectTypes        = 'Returns only members of these types (User, Group, ServicePrincipal, ...).'
        LicenseOptions           = 'Service plans to turn off within a licence (LicenseOption objects).'
        Force                    = 'Does not ask for confirmation.'
        WhatIf                   = 'Shows what would happen without changing anything.'
        Confirm                  = 'Asks for confirmation before changing anything.'
    }

    Commands = @{
        'Connect-MsolService' = @{
            Synopsis    = 'Connects the Msol cmdlets to a directory through msol-bridge.'
            Description = 'Starts this session''s msol-bridge (found through MSOL_BRIDGE_EXE, beside the module, or on PATH) with a fresh secret, and connects every Msol cmdlet to it. The backend comes from -Backend, else MSOL_BRIDGE_BACKEND, else the per-user settings file, else the local tenant, with a warning. The bridge stops when the session or the module goes away. Call it before any other Msol cmdlet.'
            Parameters  = @{
                Credential          = 'Graph backend: a user name and password (delegated; Microsoft refuses it when MFA applies), or an application id as user name and a client secret as password (app-only). Without it, the Graph backend signs in with a device code. The local backend does not use it.'
                AdGraphAccessToken  = 'An access token for Azure AD Graph (alias AccessToken). Azure AD Graph is retired: the Graph backend refuses it; use -MsGraphAccessToken.'
                MsGraphAccessToken  = 'An access token for Microsoft Graph, used as given by the Graph backend (connect again when it expires). The local backend does not use it.'
                AzureEnvironment    = 'The cloud the Graph backend signs in to: AzureCloud (default), AzureChinaCloud or USGovernment. AzureGermanyCloud closed in 2021 and is refused. The local backend does not use it.'
                Backend             = 'Where the directory lives: Local (a tenant file) or Graph (Microsoft 365 through Microsoft Graph; the tenant comes from MSOL_BRIDGE_TENANT_ID or the settings file). Overrides MSOL_BRIDGE_BACKEND and the settings file.'
                LocalTenant         = 'The local tenant file (created when missing). Overrides MSOL_BRIDGE_LOCAL_TENANT and the settings file.'
            }
            Examples    = @(
                @{ Code = 'Connect-MsolService'; Remarks = 'Connects with the backend chosen by the environment or the settings file.' }
                @{ Code = 'Connect-MsolService -Credential (Get-AutomationPSCredential -Name ''MSOnline'')'; Remarks = 'The usual first line of a runbook; it runs unchanged.' }
                @{ Code = 'Connect-MsolService -LocalTenant ./contoso.db'; Remarks = 'Connects to a local tenant file, to rehearse a script offline.' }
                @{ Code = 'Connect-MsolService -Backend Graph'; Remarks = 'Signs in to Microsoft 365 with a device code: a warning shows the code to enter at the sign-in page.' }
            )
        }
        'Get-MsolUser' = @{
            Synopsis    = 'Gets users.'
            Description = 'Gets one user by ObjectId or UserPrincipalName, or the users matching the filters. Without -All or -MaxResults it returns at most 500 users and warns when more exist. Users stream down the pipeline page by page.'
            Parameters  = @{
                ObjectId         = 'The object id of the user to get.'
                UserPrincipalName = 'The user principal name of the user to get.'
                DomainName       = 'Returns users with a primary or secondary address in this domain.'
                EnabledFilter    = 'Returns users by sign-in state: All, EnabledOnly or DisabledOnly.'
                Synchronized     = 'Returns only users synchronized from on-premises Active Directory.'
                HasErrorsOnly    = 'Returns only users with validation errors.'
                LicenseReconciliationNeededOnly = 'Returns only users whose licences need reconciliation.'
                UnlicensedUsersOnly = 'Returns only users without a licence.'
                City = 'Returns users in this city.'; Country = 'Returns users in this country.'; Department = 'Returns users in this department.'
                State = 'Returns users in this state.'; Title = 'Returns users with this title.'; UsageLocation = 'Returns users with this usage location.'
                MaxResults       = 'The largest number of users to return (default 500).'
            }
            Examples    = @(
                @{ Code = 'Get-MsolUser -All'; Remarks = 'Gets every user.' }
                @{ Code = 'Get-MsolUser -UserPrincipalName ben@contoso.com | Select-Object -ExpandProperty StrongAuthenticationRequirements'; Remarks = 'Shows the per-user MFA state of one user.' }
                @{ Code = 'Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.State -eq $null -and $_.IsLicensed }'; Remarks = 'Gets licensed users without per-user MFA.' }
                @{ Code = 'Get-MsolUser -EnabledFilter EnabledOnly -MaxResults 2000'; Remarks = 'Gets up to 2000 users who can sign in.' }
            )
        }
        'Set-MsolUser' = @{
            Synopsis    = 'Changes a user, including per-user MFA and registered MFA methods.'
            Description = 'Changes the given properties of the user named by ObjectId or UserPrincipalName (both may be given; they must name the same user). Every parameter binds from a piped object''s property of the same name, and only real changes are written, so Get-MsolUser | Set-MsolUser -X changes only X. Piped objects are sent to the bridge in batches while the pipeline flows (each failure is still that object''s error, in order, with progress and time left on long runs; Ctrl+C finishes the writes under way and says which objects were not written). With -ErrorAction Stop, or in a foreach loop of single calls, each object is written and answered before the next.'
            Parameters  = @{ ObjectId = 'The object id of the user to change.'; UserPrincipalName = 'The user principal name of the user to change.' }
            Examples    = @(
                @{ Code = @'
$st = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
$st.RelyingParty = "*"
$st.State = "Enabled"
Set-MsolUser -UserPrincipalName ben@contoso.com -StrongAuthenticationRequirements @($st)
'@; Remarks = 'Turns on per-user MFA for one user.' }
                @{ Code = 'Set-MsolUser -UserPrincipalName ben@contoso.com -StrongAuthenticationRequirements @()'; Remarks = 'Turns off per-user MFA; the registered methods stay.' }
                @{ Code = @'
$sms = New-Object Microsoft.Online.Administration.StrongAuthenticationMethod -Property @{ MethodType = 'OneWaySMS'; IsDefault = $true }
Set-MsolUser -UserPrincipalName ben@contoso.com -StrongAuthenticationMethods @($sms)
'@; Remarks = 'Pre-populates SMS from the user''s mobile phone.' }
                @{ Code = 'Get-MsolRoleMember -RoleObjectId (Get-MsolRole -RoleName "Company Administrator").ObjectId | Set-MsolUser -StrongAuthenticationRequirements @($st)'; Remarks = 'Turns on MFA for every Company Administrator.' }
            )
        }
        'New-MsolUser' = @{
            Synopsis    = 'Creates a user.'
            Description = 'Creates a cloud user and returns it with its password (a random one when -Password is not given). Every parameter binds by property name, so Import-Csv users.csv | New-MsolUser works.'
            Parameters  = @{
                UserPrincipalName = 'The user principal name of the new user (required).'
                Password          = 'The password of the new user. A random password is generated when it is not given.'
                ForceChangePassword = 'Whether the user must change the password at first sign-in (default $true).'
                LicenseAssignment = 'Licences to assign, as AccountSkuIds (contoso:ENTERPRISEPACK). Needs UsageLocation.'
            }
            Examples    = @(
                @{ Code = 'New-MsolUser -UserPrincipalName ben@contoso.com -DisplayName "Ben Andrews" -FirstName Ben -LastName Andrews -UsageLocation US -LicenseAssignment contoso:ENTERPRISEPACK'; Remarks = 'Creates a licensed user; the output shows its temporary password.' }
                @{ Code = 'Import-Csv .\NewUsers.csv | New-MsolUser'; Remarks = 'Creates a user for each row, binding the columns by name.' }
            )
        }
        'Remove-MsolUser' = @{
            Synopsis    = 'Deletes a user.'
            Description = 'Moves a user to the recycle bin, where it can be restored for 30 days; with -RemoveFromRecycleBin, deletes a user in the recycle bin for good. Asks for confirmation unless -Force or -Confirm:$false is given.'
            Parameters  = @{ ObjectId = 'The object id of the user to delete.'; UserPrincipalName = 'The user principal name of the user to delete.'; RemoveFromRecycleBin = 'Deletes the user from the recycle bin for good.' }
            Examples    = @(
                @{ Code = 'Remove-MsolUser -UserPrincipalName ben@contoso.com -Force'; Remarks = 'Moves a user to the recycle bin without asking.' }
                @{ Code = 'Remove-MsolUser -UserPrincipalName ben@contoso.com -RemoveFromRecycleBin -Force'; Remarks = 'Deletes a user in the recycle bin for good.' }
            )
        }
        'Restore-MsolUser' = @{
            Synopsis    = 'Restores a deleted user.'
            Description = 'Brings a user back from the recycle bin, within 30 days of its deletion.'
            Parameters  = @{
                ObjectId = 'The object id of the deleted user.'; UserPrincipalName = 'The user principal name of the deleted user.'
                AutoReconcileProxyConflicts = 'Drops proxy addresses that another object now uses.'
                NewUserPrincipalName = 'A new user principal name, when the old one is now taken.'
            }
            Examples    = @(
                @{ Code = 'Restore-MsolUser -UserPrincipalName ben@contoso.com'; Remarks = 'Restores a user.' }
                @{ Code = 'Get-MsolUser -ReturnDeletedUsers -All | Restore-MsolUser'; Remarks = 'Restores every user in the recycle bin.' }
            )
        }
        'Set-MsolUserPassword' = @{
            Synopsis    = 'Sets a user''s password.'
            Description = 'Sets a new password (a random one when -NewPassword is not given) and returns it. With -ForceChangePasswordOnly $true it only makes the user change the password at next sign-in.'
            Parameters  = @{ ForceChangePasswordOnly = 'Only forces a password change at next sign-in; the password stays.' }
            Examples    = @(
                @{ Code = 'Set-MsolUserPassword -UserPrincipalName ben@contoso.com -ForceChangePassword $true'; Remarks = 'Sets a random password and returns it.' }
                @{ Code = 'Set-MsolUserPassword -UserPrincipalName ben@contoso.com -ForceChangePasswordOnly $true -ForceChangePassword $true'; Remarks = 'Makes the user change the password at next sign-in.' }
            )
        }
        'Set-MsolUserPrincipalName' = @{
            Synopsis    = 'Changes a user''s sign-in name.'
            Description = 'Changes the user principal name of a user.'
            Parameters  = @{ ImmutableId = 'The immutable id to set, needed when moving to a federated domain.'; NewPassword = 'A password, needed when moving from a federated domain to a managed one.' }
            Examples    = @(@{ Code = 'Set-MsolUserPrincipalName -UserPrincipalName ben@contoso.onmicrosoft.com -NewUserPrincipalName ben@contoso.com'; Remarks = 'Moves a user to the contoso.com domain.' })
        }
        'Set-MsolUserLicense' = @{
            Synopsis    = 'Adds and removes a user''s licences.'
            Description = 'Adds and removes licences (AccountSkuIds such as contoso:ENTERPRISEPACK) in one atomic change. The user needs a UsageLocation and the SKU free units.'
            Parameters  = @{ AddLicenses = 'Licences to add, as AccountSkuIds.'; RemoveLicenses = 'Licences to remove, as AccountSkuIds.' }
            Examples    = @(
                @{ Code = 'Set-MsolUserLicense -UserPrincipalName ben@contoso.com -AddLicenses contoso:ENTERPRISEPACK'; Remarks = 'Assigns Office 365 E3.' }
                @{ Code = 'Set-MsolUserLicense -UserPrincipalName ben@contoso.com -AddLicenses contoso:ENTERPRISEPREMIUM -RemoveLicenses contoso:ENTERPRISEPACK'; Remarks = 'Moves a user from E3 to E5 in one change.' }
            )
        }
        'Get-MsolAccountSku' = @{
            Synopsis    = 'Gets the tenant''s subscriptions.'
            Description = 'Gets the subscribed SKUs with their active, warning and consumed units.'
            Parameters  = @{}
            Examples    = @(@{ Code = 'Get-MsolAccountSku | Select-Object -ExpandProperty ServiceStatus'; Remarks = 'Shows the service plans of every SKU.' })
        }
        'Get-MsolCompanyInformation' = @{
            Synopsis    = 'Gets the tenant''s company information.'
            Description = 'Gets company-level information: name, initial domain, address, directory synchronization and user permission settings.'
            Parameters  = @{}
            Examples    = @(@{ Code = 'Get-MsolCompanyInformation | Select-Object DisplayName, InitialDomain'; Remarks = 'Shows the company name and initial domain.' })
        }
        'Get-MsolDomain' = @{
            Synopsis    = 'Gets domains.'
            Description = 'Gets one domain by name, or the domains matching the filters.'
            Parameters  = @{
                DomainName = 'The name of the domain to get.'; Status = 'Returns domains with this status: Verified, Unverified or PendingDeletion.'
                Authentication = 'Returns domains with this authentication: Managed or Federated.'; Capability = 'Returns domains with this capability (Email, Sharepoint, ...).'
            }
            Examples    = @(@{ Code = 'Get-MsolDomain | Where-Object { $_.IsInitial }'; Remarks = 'Gets the initial onmicrosoft.com domain.' })
        }
        'Get-MsolRole' = @{
            Synopsis    = 'Gets administrator roles.'
            Description = 'Gets every administrator role, or one by ObjectId (its template id) or by name. Role.Name is the legacy name MSOnline printed (Company Administrator); -RoleName also takes current names (Global Administrator).'
            Parameters  = @{ ObjectId = 'The object id (template id) of the role to get.' }
            Examples    = @(@{ Code = 'Get-MsolRole -RoleName "Company Administrator"'; Remarks = 'Gets the Global Administrator role.' })
        }
        'Get-MsolRoleMember' = @{
            Synopsis    = 'Gets the members of a role.'
            Description = 'Gets a role''s members (250 unless -All or -MaxResults). A user member''s EmailAddress is its user principal name.'
            Parameters  = @{ MaxResults = 'The largest number of members to return (default 250).' }
            Examples    = @(@{ Code = @'
$role = Get-MsolRole -RoleName "Company Administrator"
Get-MsolRoleMember -RoleObjectId $role.ObjectId
'@; Remarks = 'Lists the Global Administrators.' })
        }
        'Add-MsolRoleMember' = @{
            Synopsis    = 'Adds a member to a role.'
            Description = 'Gives a user (by user principal name or object id) or a service principal an administrator role.'
            Parameters  = @{}
            Examples    = @(
                @{ Code = 'Add-MsolRoleMember -RoleName "Helpdesk Administrator" -RoleMemberEmailAddress ben@contoso.com'; Remarks = 'Makes a user a Helpdesk Administrator.' }
                @{ Code = 'Add-MsolRoleMember -RoleName "Company Administrator" -RoleMemberType ServicePrincipal -RoleMemberObjectId $sp.ObjectId'; Remarks = 'Makes a service principal a Global Administrator.' }
            )
        }
        'Remove-MsolRoleMember' = @{
            Synopsis    = 'Removes a member from a role.'
            Description = 'Takes an administrator role away from a user or a service principal.'
            Parameters  = @{}
            Examples    = @(@{ Code = 'Remove-MsolRoleMember -RoleName "Helpdesk Administrator" -RoleMemberType User -RoleMemberEmailAddress ben@contoso.com'; Remarks = 'Takes the Helpdesk Administrator role from a user.' })
        }
        'Get-MsolUserRole' = @{
            Synopsis    = 'Gets the roles of a user.'
            Description = 'Gets the administrator roles a user holds, directly or through a group.'
            Parameters  = @{}
            Examples    = @(@{ Code = '(Get-MsolUserRole -UserPrincipalName ben@contoso.com).Name'; Remarks = 'Lists the names of a user''s roles.' })
        }
        'Get-MsolGroup' = @{
            Synopsis    = 'Gets groups.'
            Description = 'Gets one group by ObjectId, or the groups matching the filters (250 unless -All or -MaxResults).'
            Parameters  = @{
                ObjectId = 'The object id of the group to get.'; UserObjectId = 'Returns groups this user belongs to (with -IsAgentRole for partners).'
                UserPrincipalName = 'Returns groups this user belongs to (with -IsAgentRole for partners).'; IsAgentRole = 'Returns partner agent groups.'
                GroupType = 'Returns groups of this type: Security, MailEnabledSecurity or DistributionList.'; HasErrorsOnly = 'Returns only groups with validation errors.'
                HasLicenseErrorsOnly = 'Returns only groups with licence assignment errors.'; MaxResults = 'The largest number of groups to return (default 250).'
            }
            Examples    = @(@{ Code = 'Get-MsolGroup -SearchString "Finance"'; Remarks = 'Finds groups whose name starts with Finance.' })
        }
        'Get-MsolGroupMember' = @{
            Synopsis    = 'Gets the members of a group.'
            Description = 'Gets a group''s members (250 unless -All or -MaxResults).'
            Parameters  = @{ GroupObjectId = 'The object id of the group.'; MaxResults = 'The largest number of members to return (default 250).' }
            Examples    = @(@{ Code = 'Get-MsolGroupMember -GroupObjectId (Get-MsolGroup -SearchString "Finance").ObjectId -All'; Remarks = 'Lists every member of the Finance group.' })
        }
        'New-MsolLicenseOptions' = @{
            Synopsis    = 'Creates a License Options object.'
            Description = 'Makes a LicenseOption that turns off service plans (Exchange, Teams, ...) within one licence, for Set-MsolUserLicense -LicenseOptions and New-MsolUser -LicenseOptions. The AccountSkuId and the plans are checked against the tenant''s subscriptions, so a misspelt plan fails here, naming the plans the licence has. Get-MsolAccountSku | Select-Object -ExpandProperty ServiceStatus lists them.'
            Parameters  = @{
                AccountSkuId  = 'The licence, as Get-MsolAccountSku shows it: contoso:ENTERPRISEPACK.'
                DisabledPlans = 'The service plans to turn off, by ServiceName (EXCHANGE_S_ENTERPRISE, TEAMS1, ...). None: every plan on.'
            }
            Examples    = @(
                @{ Code = '$options = New-MsolLicenseOptions -AccountSkuId contoso:ENTERPRISEPACK -DisabledPlans TEAMS1, MCOSTANDARD'; Remarks = 'Licence options that turn off Teams and Skype for Business.' }
                @{ Code = 'Set-MsolUserLicense -UserPrincipalName ben@contoso.com -AddLicenses contoso:ENTERPRISEPACK -LicenseOptions $options'; Remarks = 'Assigns E3 without those plans.' }
            )
        }
        'New-MsolGroup' = @{
            Synopsis    = 'Creates a security group.'
            Description = 'Creates a security group (not mail-enabled) and returns it. On Microsoft Graph the group gets a mail nickname made from its display name, and ManagedBy becomes its owner.'
            Parameters  = @{
                DisplayName = 'The display name of the group (required, at most 256 characters).'
                Description = 'A description of the group.'
                ManagedBy   = 'The owner of the group: a user by user principal name or object id. The group shows it as the owner''s object id.'
            }
            Examples    = @(@{ Code = 'New-MsolGroup -DisplayName "Finance" -Description "Finance team" -ManagedBy ben@contoso.com'; Remarks = 'Creates a security group owned by Ben.' })
        }
        'Set-MsolGroup' = @{
            Synopsis    = 'Changes a security group.'
            Description = 'Changes the display name, description or owner of a security group; only real changes are written. Groups synchronized from Active Directory and mail-enabled groups are changed where they are mastered (Active Directory, Exchange Online) and are refused here.'
            Parameters  = @{
                ObjectId    = 'The object id of the group to change.'
                DisplayName = 'The new display name of the group.'
                Description = 'The new description; an empty string clears it.'
                ManagedBy   = 'The new owner: a user by user principal name or object id; an empty string clears it.'
            }
            Examples    = @(@{ Code = 'Set-MsolGroup -ObjectId (Get-MsolGroup -SearchString "Finance").ObjectId -Description "Finance and payroll"'; Remarks = 'Changes the description of the Finance group.' })
        }
        'Remove-MsolGroup' = @{
            Synopsis    = 'Deletes a security group.'
            Description = 'Deletes a security group for good (security groups have no recycle bin), with its memberships. Asks for confirmation unless -Force or -Confirm:$false is given.'
            Parameters  = @{ ObjectId = 'The object id of the group to delete.' }
            Examples    = @(@{ Code = 'Remove-MsolGroup -ObjectId (Get-MsolGroup -SearchString "Old project").ObjectId -Force'; Remarks = 'Deletes a group without asking.' })
        }
        'Set-MsolDirSyncEnabled' = @{
            Synopsis    = 'Turns directory synchronization on or off.'
            Description = 'Turns directory synchronization from on-premises Active Directory on or off for the company. Turning it off makes every synchronized user and group cloud-only (their properties can then be changed in the cloud), and it can be turned back on only 72 hours later: an earlier attempt fails with DirSyncStatusChangeNotAllowedException. On Microsoft Graph this sets the organization''s onPremisesSyncEnabled and needs the Hybrid Identity Administrator role and the Organization.ReadWrite.All permission. Asks for confirmation unless -Force or -Confirm:$false is given.'
            Parameters  = @{
                EnableDirSync = '$true turns synchronization on, $false turns it off.'
                Force         = 'Does not ask for confirmation.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolDirSyncEnabled -EnableDirSync $false -Force'; Remarks = 'Turns directory synchronization off without asking; synchronized users become cloud-only.' }
                @{ Code = '(Get-MsolCompanyInformation).DirectorySynchronizationEnabled'; Remarks = 'Shows whether synchronization is on.' }
            )
        }
        'Get-MsolSubscription' = @{
            Synopsis    = 'Gets the company''s subscriptions.'
            Description = 'Gets the commercial subscriptions the company has bought: each with its SKU, status (Enabled, Warning, Suspended, Deleted, LockedOut), total licences, whether it is a trial, when it was created and when it moves to its next status unless renewed (NextLifecycleDate), and its services. A licence''s SubscriptionIds (Get-MsolAccountSku) are these subscriptions'' ObjectIds. For assigning licences use Get-MsolAccountSku. An unknown SubscriptionId is SubscriptionNotFoundException. On Microsoft Graph these are directory/subscriptions, read with Organization.Read.All or Directory.Read.All.'
            Parameters  = @{ SubscriptionId = 'The ObjectId of one subscription.' }
            Examples    = @(
                @{ Code = 'Get-MsolSubscription'; Remarks = 'Lists every subscription.' }
                @{ Code = 'Get-MsolSubscription | Where-Object { $_.NextLifecycleDate -lt (Get-Date).AddDays(30) } | Select-Object SkuPartNumber, Status, TotalLicenses, NextLifecycleDate'; Remarks = 'Shows the subscriptions that end or change status within 30 days.' }
            )
        }
        'Set-MsolCompanySettings' = @{
            Synopsis    = 'Sets company-level configuration settings.'
            Description = 'Changes company-wide settings; only the ones given, and only where they differ (-Verbose lists what changed). Get-MsolCompanyInformation reads them back. A usage location that is not a two-letter country code is refused, and nothing changes. On Microsoft Graph the settings are the tenant''s authorization policy (allowedToUseSSPR, defaultUserRolePermissions, allowedToSignUpEmailBasedSubscriptions, allowEmailVerifiedUsersToJoinOrganization), changed with the Privileged Role Administrator role and the Policy.ReadWrite.Authorization permission; letting users consent to apps assigns Microsoft''s legacy user consent policy. Graph has no company-wide default usage location, so -DefaultUsageLocation is refused there (set each user''s UsageLocation). When Graph does not let the caller read the policy, Get-MsolCompanyInformation leaves these settings empty rather than guessing.'
            Parameters  = @{
                SelfServePasswordResetEnabled            = 'Whether users may reset their own passwords.'
                UsersPermissionToCreateGroupsEnabled     = 'Whether users may create security groups.'
                UsersPermissionToCreateLOBAppsEnabled    = 'Whether users may register applications.'
                UsersPermissionToReadOtherUsersEnabled   = 'Whether users may read other users'' profiles (Microsoft advises against $false).'
                UsersPermissionToUserConsentToAppEnabled = 'Whether users may consent to applications that read their data.'
                DefaultUsageLocation                     = 'The usage location given to users licensed without one: a two-letter country code; an empty string clears it. Local tenant only.'
                AllowAdHocSubscriptions                  = 'Whether users may sign up for email-based subscriptions.'
                AllowEmailVerifiedUsers                  = 'Whether users may join the tenant by verifying an email address in one of its domains.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolCompanySettings -UsersPermissionToCreateGroupsEnabled $false -UsersPermissionToUserConsentToAppEnabled $false'; Remarks = 'Stops users creating security groups and consenting to applications.' }
                @{ Code = 'Get-MsolCompanyInformation | Select-Object UsersPermissionToCreateGroupsEnabled, UsersPermissionToUserConsentToAppEnabled'; Remarks = 'Reads the settings back.' }
            )
        }
        'New-MsolDomain' = @{
            Synopsis    = 'Adds a domain to the company.'
            Description = 'Adds a domain, managed and unverified, and returns it: publish the record Get-MsolDomainVerificationDns shows at the domain''s DNS host, then verify it with Confirm-MsolDomain. A subdomain of a verified domain is verified at once (its RootDomain is that domain). A malformed name, an onmicrosoft.com name and -Authentication Federated are refused (a domain is federated once verified); a domain the company holds already is ObjectAlreadyExistsException. In a local tenant, what the public DNS answers is the tenant file''s PublishedDnsRecords. On Microsoft Graph this is POST /domains, with the Domain Name Administrator role and the Domain.ReadWrite.All permission.'
            Parameters  = @{
                Name               = 'The fully qualified domain name to add, such as contoso.com.'
                Authentication     = 'Managed (the default); Federated is refused.'
                VerificationMethod = 'DnsRecord (the default and only method).'
            }
            Examples    = @(@{ Code = 'New-MsolDomain -Name contoso.com; Get-MsolDomainVerificationDns -DomainName contoso.com -Mode DnsTxtRecord'; Remarks = 'Adds contoso.com and shows the TXT record to publish.' })
        }
        'Set-MsolDomain' = @{
            Synopsis    = 'Modifies settings of a domain.'
            Description = 'With -IsDefault, makes a verified domain the company''s default; the previous default stops being it. A domain stops being the default only when another one becomes it, so -IsDefault:$false on the default domain is refused, as is an unverified domain. On Microsoft Graph this is the domain''s isDefault, with the Domain Name Administrator role and the Domain.ReadWrite.All permission.'
            Parameters  = @{
                Name      = 'The domain to change.'
                IsDefault = 'Makes the domain the default.'
            }
            Examples    = @(@{ Code = 'Set-MsolDomain -Name contoso.com -IsDefault'; Remarks = 'Makes contoso.com the default domain.' })
        }
        'Remove-MsolDomain' = @{
            Synopsis    = 'Removes a domain.'
            Description = 'Removes one of the company''s domains. The initial domain and the default domain cannot be removed, nor a domain with subdomains in the company (remove those first), nor one that users (the recycle bin''s included) or groups still use in their user principal names or addresses: that is DomainInUseException, naming them (Get-MsolUser -DomainName lists the users). Asks for confirmation unless -Force or -Confirm:$false is given; -WhatIf removes nothing. On Microsoft Graph the users and groups are the domain''s domainNameReferences, and the removal needs the Domain Name Administrator role and the Domain.ReadWrite.All permission.'
            Parameters  = @{
                DomainName = 'The domain to remove.'
                Force      = 'Does not ask for confirmation.'
            }
            Examples    = @(@{ Code = 'Remove-MsolDomain -DomainName litware.com -Force'; Remarks = 'Removes litware.com without asking.' })
        }
        'Get-MsolDomainVerificationDns' = @{
            Synopsis    = 'Gets the DNS record that verifies a domain.'
            Description = 'Gets the record to publish at a domain''s DNS host so that Confirm-MsolDomain can verify the domain: the MX record (MailExchange msNNNNNNNN.msv1.invalid, Preference 32767, which receives no mail) unless -Mode DnsTxtRecord asks for the TXT record (Text MS=msNNNNNNNN). Either one proves control. An unknown domain is DomainNotFoundException. On Microsoft Graph these are the domain''s verificationDnsRecords, read with Domain.Read.All and the Domain Name Administrator or Global Reader role.'
            Parameters  = @{
                DomainName = 'One of the company''s domains.'
                Mode       = 'DnsMxRecord (the default) or DnsTxtRecord.'
            }
            Examples    = @(@{ Code = 'Get-MsolDomainVerificationDns -DomainName contoso.com -Mode DnsTxtRecord | Select-Object Label, Text, Ttl'; Remarks = 'Shows the TXT record to publish for contoso.com.' })
        }
        'Confirm-MsolDomain' = @{
            Synopsis    = 'Verifies a custom domain.'
            Description = 'Verifies one of the company''s domains once its TXT or MX verification record (Get-MsolDomainVerificationDns) is published; DNS changes can take up to an hour to be seen. Until then it fails with DomainVerificationFailedException, naming both records. A verified domain needs nothing. -WhatIf verifies nothing. The federation parameters of MSOnline''s Confirm-MsolDomain are not offered: a domain is federated after it is verified. In a local tenant, what the public DNS answers is the tenant file''s PublishedDnsRecords (msol-bridge tenant export, add the record, tenant import). On Microsoft Graph this is POST /domains/{name}/verify, with the Domain Name Administrator role and the Domain.ReadWrite.All permission.'
            Parameters  = @{ DomainName = 'The domain to verify.' }
            Examples    = @(@{ Code = 'try { Confirm-MsolDomain -DomainName contoso.com -ErrorAction Stop } catch [Microsoft.Online.Administration.Automation.DomainVerificationFailedException] { Write-Warning ''Publish the record first.'' }'; Remarks = 'Tries to verify contoso.com and warns when its record is not published yet.' })
        }
        'Get-MsolDirSyncProvisioningError' = @{
            Synopsis    = 'Checks for objects with synchronization provisioning errors in a tenant.'
            Description = 'Lists the users, groups and contacts whose synchronization from on-premises Active Directory ran into a conflict: another object already holds the same UserPrincipalName or proxy address (ErrorCategory PropertyConflict, the only category). Each object shows its ObjectType (User, Group or Contact), names, proxy addresses and ProvisioningErrors (ErrorCategory, PropertyName, PropertyValue, WhenStarted). Filters: -PropertyName (UserPrincipalName or ProxyAddresses), -PropertyValue (the conflicting value, in any case) and -SearchString (the start of the display name). -SortField (None, DisplayName, UserPrincipalName) and -SortDirection (Ascending, Descending) order the list; None lists by ObjectId. 500 objects unless -All or -MaxResults. Another -ErrorCategory or -PropertyName is refused, naming the allowed values. On Microsoft Graph the conflicts are the objects'' onPremisesProvisioningErrors, read with Directory.Read.All.'
            Parameters  = @{
                ErrorCategory = 'PropertyConflict, the only category; it may be left out.'
                PropertyName  = 'UserPrincipalName or ProxyAddresses: only conflicts on that property.'
                PropertyValue = 'Only conflicts on this value, such as SMTP:hr@contoso.com.'
                SearchString  = 'Only objects whose display name starts with this text.'
                SortField     = 'None (by ObjectId, the default), DisplayName or UserPrincipalName.'
                SortDirection = 'Ascending (the default) or Descending.'
                MaxResults    = 'The most objects to return (500 by default).'
                All           = 'Returns every object with a conflict.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict'; Remarks = 'Lists every object with a synchronization conflict.' }
                @{ Code = 'Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -PropertyName UserPrincipalName -SortField DisplayName'; Remarks = 'Lists the objects whose user principal name conflicts, by display name.' }
                @{ Code = 'Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -All | Select-Object DisplayName, ObjectType, @{ n = ''Conflicts''; e = { $_.ProvisioningErrors.PropertyValue -join '', '' } } | Export-Csv conflicts.csv -NoTypeInformation'; Remarks = 'Exports every conflict to a CSV file.' }
            )
        }
        'Get-MsolHasObjectsWithDirSyncProvisioningErrors' = @{
            Synopsis    = 'Checks for objects with synchronization provisioning errors.'
            Description = 'Returns $true when any user, group or contact has a synchronization conflict (see Get-MsolDirSyncProvisioningError), and $false otherwise.'
            Parameters  = @{}
            Examples    = @(@{ Code = 'if (Get-MsolHasObjectsWithDirSyncProvisioningErrors) { Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -All }'; Remarks = 'Lists the conflicts only when there are some.' })
        }
        'Get-MsolContact' = @{
            Synopsis    = 'Gets mail contacts.'
            Description = 'Gets one mail contact by ObjectId, or a list: those whose display name or email address starts with -SearchString, in display-name order, 500 unless -All or -MaxResults. -HasErrorsOnly keeps the contacts with validation errors (their ValidationStatus is Error). Contacts are synchronized from on-premises Active Directory or made in Exchange Online (New-MailContact), and are changed and removed there; they can be members of distribution groups (Get-MsolGroupMember -MemberObjectTypes Contact). An unknown ObjectId is ContactNotFoundException. On Microsoft Graph these are the organizational contacts, read with Directory.Read.All; a delegated sign-in also needs the Directory Readers, Global Reader, Directory Writers, Intune Administrator or User Administrator role. Graph keeps no user principal name for contacts, so UserPrincipalName is empty there.'
            Parameters  = @{
                ObjectId      = 'The object id of the contact.'
                HasErrorsOnly = 'Returns only contacts with validation errors.'
                SearchString  = 'Lists the contacts whose display name or email address starts with this text.'
                MaxResults    = 'The most contacts to return (500 by default).'
                All           = 'Returns every contact.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolContact -SearchString fabrikam'; Remarks = 'Gets the contacts whose name or address starts with fabrikam.' }
                @{ Code = 'Get-MsolContact -All -HasErrorsOnly | Select-Object DisplayName, EmailAddress, @{ n = ''Error''; e = { $_.Errors[0].ErrorDetail } }'; Remarks = 'Lists the contacts with errors and the first error of each.' }
            )
        }
        'Get-MsolDevice' = @{
            Synopsis    = 'Gets a device, or a list of devices.'
            Description = 'Gets one device by -ObjectId or -DeviceId, the devices with the display name -Name or registered by the user -RegisteredOwnerUpn (a user principal name or ObjectId), or every device with -All, in display-name order. -All leaves out system-managed devices (Windows Autopilot devices, which carry a [ZTDID] physical id and must not be deleted) unless -IncludeSystemManagedDevices. -LogonTimeBefore (UTC; with or without -All) keeps the devices whose ApproximateLastLogonTimestamp is before it, which is how stale devices are found; devices that never signed in have no timestamp and are not listed. RegisteredOwners (user principal names) is filled only with -ReturnRegisteredOwners or -RegisteredOwnerUpn. DeviceTrustType is Workplace Joined (registered), AzureAD Joined or Domain Joined (hybrid); a hybrid-joined device has finished registering once an AlternativeSecurityIds entry starts with X509:. AccountEnabled is another name for Enabled. An unknown device is DeviceNotFoundException. On Microsoft Graph devices are read with Device.Read.All or Directory.Read.All.'
            Parameters  = @{
                Name                        = 'The display name of the device (in any case).'
                All                         = 'Returns every device.'
                ReturnRegisteredOwners      = 'Fills each device''s RegisteredOwners with its owners'' user principal names.'
                IncludeSystemManagedDevices = 'With -All, includes system-managed devices such as Windows Autopilot devices.'
                DeviceId                    = 'The device id that the device registration service gave the device.'
                LogonTimeBefore             = 'Returns the devices whose last sign-in is before this time (UTC).'
                ObjectId                    = 'The object id of the device.'
                RegisteredOwnerUpn          = 'The user principal name or ObjectId of the user who registered the devices.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolDevice -Name LAPTOP-MEGAN01'; Remarks = 'Gets the device named LAPTOP-MEGAN01.' }
                @{ Code = 'Get-MsolDevice -All -LogonTimeBefore (Get-Date).AddDays(-90) | Select-Object Enabled, DeviceId, DisplayName, DeviceTrustType, ApproximateLastLogonTimestamp | Export-Csv stale-devices.csv -NoTypeInformation'; Remarks = 'Lists the devices that have not signed in for 90 days.' }
                @{ Code = 'Get-MsolDevice -RegisteredOwnerUpn megan.bowen@contoso.com'; Remarks = 'Gets the devices Megan registered.' }
            )
        }
        'Enable-MsolDevice' = @{
            Synopsis    = 'Enables a device.'
            Description = 'Enables a device, by -DeviceId (a piped Device binds it) or -ObjectId, so that it can sign in again. Asks first unless -Force or -Confirm:$false; -WhatIf says what it would do. A device that is already enabled is left as it is. On Microsoft Graph this needs the Cloud Device Administrator or Intune Administrator role and, signed in as a user, the Directory.AccessAsUser.All permission; an application (Device.ReadWrite.All) can enable only Windows devices.'
            Parameters  = @{
                DeviceId = 'The device id of the device.'
                ObjectId = 'The object id of the device.'
                Force    = 'Does not ask for confirmation.'
            }
            Examples    = @(
                @{ Code = 'Enable-MsolDevice -DeviceId 1aa200c4-bdfb-42b5-9a1e-5f1bafbe4274 -Force'; Remarks = 'Enables the device without asking.' }
                @{ Code = 'Import-Csv stale-devices.csv | ForEach-Object { Enable-MsolDevice -DeviceId $_.DeviceId -Force }'; Remarks = 'Enables again the devices a stale-device run disabled.' }
            )
        }
        'Disable-MsolDevice' = @{
            Synopsis    = 'Disables a device.'
            Description = 'Disables a device, by -DeviceId (a piped Device binds it) or -ObjectId, so that it can no longer sign in; Enable-MsolDevice undoes it. Asks first unless -Force or -Confirm:$false; -WhatIf says what it would do. A device that is already disabled is left as it is. On Microsoft Graph this needs the Cloud Device Administrator or Intune Administrator role and, signed in as a user, the Directory.AccessAsUser.All permission; an application (Device.ReadWrite.All) can disable only Windows devices.'
            Parameters  = @{
                DeviceId = 'The device id of the device.'
                ObjectId = 'The object id of the device.'
                Force    = 'Does not ask for confirmation.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolDevice -All -LogonTimeBefore (Get-Date).AddDays(-90) | Disable-MsolDevice -Force'; Remarks = 'Disables every device that has not signed in for 90 days (system-managed devices are not listed).' }
            )
        }
        'Remove-MsolDevice' = @{
            Synopsis    = 'Removes a device.'
            Description = 'Deletes a device, by -DeviceId (a piped Device binds it) or -ObjectId, for good: the device has to register again. Asks first unless -Force or -Confirm:$false; -WhatIf says what it would do. Do not remove system-managed devices such as Windows Autopilot devices: they cannot be provisioned again. On Microsoft Graph this needs the Cloud Device Administrator, Intune Administrator or Windows 365 Administrator role and, signed in as a user, the Directory.AccessAsUser.All permission (Device.ReadWrite.All for an application).'
            Parameters  = @{
                DeviceId = 'The device id of the device.'
                ObjectId = 'The object id of the device.'
                Force    = 'Does not ask for confirmation.'
            }
            Examples    = @(
                @{ Code = 'Remove-MsolDevice -DeviceId 1aa200c4-bdfb-42b5-9a1e-5f1bafbe4274 -Force'; Remarks = 'Removes the device without asking.' }
                @{ Code = 'Get-MsolDevice -All -LogonTimeBefore (Get-Date).AddDays(-180) | Where-Object { -not $_.Enabled } | Remove-MsolDevice -Force'; Remarks = 'Removes the disabled devices that have not signed in for 180 days.' }
            )
        }
        'Get-MsolDirSyncFeatures' = @{
            Synopsis    = 'Gets the status of identity synchronization features.'
            Description = 'Lists every directory synchronization feature with whether it is on (DirSyncFeature, Enabled), in name order, or only the one -Feature names (in any case; an unknown name is PropertyValidationException listing the features): BlockCloudObjectTakeoverThroughHardMatch, BlockSoftMatch, DeviceWriteback, DirectoryExtensions, DuplicateProxyAddressResiliency, DuplicateUPNResiliency, EnableSoftMatchOnUpn, EnforceCloudPasswordPolicyForPasswordSyncedUsers, PasswordSync, SynchronizeUpnForManagedUsers, UnifiedGroupWriteback, UserWriteback. On Microsoft Graph this needs a Global Administrator signed in as a user (Graph offers applications no permission for it) and the OnPremDirectorySynchronization.ReadWrite.All permission (Read.All to read only).'
            Parameters  = @{
                Feature = 'The feature whose status to get.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolDirSyncFeatures'; Remarks = 'Lists every feature and whether it is on.' }
                @{ Code = '(Get-MsolDirSyncFeatures -Feature PasswordSync).Enabled'; Remarks = 'Tells whether password hash synchronization is on.' }
            )
        }
        'Set-MsolDirSyncFeature' = @{
            Synopsis    = 'Sets identity synchronization features.'
            Description = 'Turns a directory synchronization feature on or off: BlockCloudObjectTakeoverThroughHardMatch, BlockSoftMatch, EnableSoftMatchOnUpn, EnforceCloudPasswordPolicyForPasswordSyncedUsers, PasswordSync or SynchronizeUpnForManagedUsers (the others are set by Microsoft Entra Connect or by Microsoft and are refused, naming these). EnableSoftMatchOnUpn and SynchronizeUpnForManagedUsers cannot be turned off once on; trying is PropertyValidationException. A feature already so is left alone. Asks first unless -Force or -Confirm:$false; -WhatIf says what it would do. On Microsoft Graph this needs a Global Administrator signed in as a user (Graph offers applications no permission for it) and the OnPremDirectorySynchronization.ReadWrite.All permission.'
            Parameters  = @{
                Feature = 'The feature to turn on or off.'
                Enable  = 'Whether the feature is on.'
                Force   = 'Does not ask for confirmation.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolDirSyncFeature -Feature BlockCloudObjectTakeoverThroughHardMatch -Enable $true -Force'; Remarks = 'Stops synchronization from taking over cloud objects by hard match.' }
                @{ Code = 'Set-MsolDirSyncFeature -Feature BlockSoftMatch -Enable $true'; Remarks = 'Blocks soft matching, asking first.' }
            )
        }
        'Get-MsolDirSyncConfiguration' = @{
            Synopsis    = 'Gets the directory synchronization settings.'
            Description = 'Gets the accidental deletion guard: AccidentalDeletionThreshold and DeletionPreventionType (Disabled, EnabledForCount or EnabledForPercentage). A new tenant stops an export of more than 500 deletions. On Microsoft Graph this needs a Global Administrator signed in as a user (Graph offers applications no permission for it) and the OnPremDirectorySynchronization.ReadWrite.All permission (Read.All to read only).'
            Parameters  = @{}
            Examples    = @(
                @{ Code = 'Get-MsolDirSyncConfiguration'; Remarks = 'Shows the accidental deletion threshold.' }
            )
        }
        'Set-MsolDirSyncConfiguration' = @{
            Synopsis    = 'Modifies the directory synchronization settings.'
            Description = 'Sets the accidental deletion threshold: an export that would delete more objects than this stops (DeletionPreventionType becomes EnabledForCount). It must be 1 or more. Asks first unless -Force or -Confirm:$false; -WhatIf says what it would do. On Microsoft Graph this needs a Global Administrator signed in as a user (Graph offers applications no permission for it) and the OnPremDirectorySynchronization.ReadWrite.All permission.'
            Parameters  = @{
                AccidentalDeletionThreshold = 'How many deletions in one export stop it.'
                Force                       = 'Does not ask for confirmation.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolDirSyncConfiguration -AccidentalDeletionThreshold 100 -Force'; Remarks = 'Stops any export that would delete more than 100 objects.' }
            )
        }
        'New-MsolServicePrincipal' = @{
            Synopsis    = 'Adds a service principal.'
            Description = 'Adds a service principal for a new application, or for the one -AppPrincipalId names, with its service principal names (each appName, appName/hostname or a URL, unique in the tenant; the application id is always one of them), reply addresses (New-MsolServicePrincipalAddresses) and a first credential key (-Type, -Value, -StartDate, -EndDate, -Usage as for New-MsolServicePrincipalCredential). It returns the principal with the credentials added (ServicePrincipalExtended). Without -Type and -Value the key is MSOnline''s default symmetric key, which the local tenant records without its value. A name another service principal holds is UniquenessValidationException, and an address of a type other than Reply is refused: only reply addresses are kept. On Microsoft Graph the application is created first (Application.ReadWrite.All, with the Cloud Application Administrator or Application Administrator role); Graph stores no symmetric keys, so the default key is left out with a warning and -Type Symmetric or Password is refused; -AppPrincipalId must name an application of the tenant.'
            Parameters  = @{
                ServicePrincipalNames = 'The service principal names: appName, appName/hostname or a URL.'
                AppPrincipalId        = 'The application id of an existing application; a new application is made without it.'
                DisplayName           = 'The display name.'
                AccountEnabled        = 'Whether the service principal is enabled (the default).'
                Addresses             = 'Reply addresses, from New-MsolServicePrincipalAddresses.'
                Type                  = 'The credential type: Symmetric (the default), Asymmetric (a certificate) or Password.'
                Value                 = 'The credential: a base64 X.509 certificate, or a password.'
                StartDate             = 'When the credential starts to be valid (now by default).'
                EndDate               = 'When the credential stops being valid (a year on by default).'
                Usage                 = 'Verify (the default) or Sign (symmetric keys only).'
            }
            Examples    = @(
                @{ Code = 'New-MsolServicePrincipal -ServicePrincipalNames @("MyApp/myApp.com") -DisplayName "My Application"'; Remarks = 'Adds a service principal with a default symmetric key.' }
                @{ Code = '$value = [System.Convert]::ToBase64String((New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 "C:\temp\myapp.cer").GetRawCertData()); New-MsolServicePrincipal -ServicePrincipalNames @("MyApp/myApp.com") -DisplayName "My Application" -Type Asymmetric -Value $value'; Remarks = 'Adds a service principal that signs in with a certificate.' }
            )
        }
        'Set-MsolServicePrincipal' = @{
            Synopsis    = 'Updates a service principal.'
            Description = 'Changes the service principal -ObjectId or -AppPrincipalId names: its display name, its service principal names (the list replaces the old one; an empty list leaves only the application id), its reply addresses (an empty list clears them) or -AccountEnabled. Only real changes are written; -WhatIf says what it would do. On Microsoft Graph this needs the Cloud Application Administrator or Application Administrator role and Application.ReadWrite.All.'
            Parameters  = @{
                ObjectId              = 'The object id of the service principal.'
                AppPrincipalId        = 'The application id of the service principal.'
                DisplayName           = 'The new display name.'
                ServicePrincipalNames = 'The service principal names that replace the old ones.'
                AccountEnabled        = 'Whether the service principal is enabled.'
                Addresses             = 'The reply addresses that replace the old ones.'
            }
            Examples    = @(
                @{ Code = '$app = (Get-MsolServicePrincipal -ServicePrincipalName "MyApp").AppPrincipalId; Set-MsolServicePrincipal -AppPrincipalId $app -DisplayName "My Super Application" -ServicePrincipalNames @("MyApp/myapp.com", "MyApp/mysuperapp.com")'; Remarks = 'Renames a service principal and replaces its names.' }
                @{ Code = '$a = @((Get-MsolServicePrincipal -ServicePrincipalName "MyApp").Addresses) + (New-MsolServicePrincipalAddresses -Address "https://myapp1.com"); Set-MsolServicePrincipal -AppPrincipalId $app -Addresses $a'; Remarks = 'Adds a reply address.' }
            )
        }
        'Remove-MsolServicePrincipal' = @{
            Synopsis    = 'Removes a service principal.'
            Description = 'Deletes the service principal -ObjectId or -AppPrincipalId names, or every service principal -ServicePrincipalName names (a warning lists them when several), with its credentials and its role and group memberships. It does not ask, as MSOnline did not; -WhatIf says what it would do. On Microsoft Graph the application registration stays.'
            Parameters  = @{
                ObjectId             = 'The object id of the service principal.'
                AppPrincipalId       = 'The application id of the service principal.'
                ServicePrincipalName = 'A service principal name: every service principal that has it is removed.'
            }
            Examples    = @(
                @{ Code = 'Remove-MsolServicePrincipal -ServicePrincipalName "MyApp/myApp.com"'; Remarks = 'Removes the service principal with that name.' }
            )
        }
        'New-MsolServicePrincipalAddresses' = @{
            Synopsis    = 'Creates a service principal address.'
            Description = 'Makes an address object (RedirectUri) for New-MsolServicePrincipal and Set-MsolServicePrincipal -Addresses; -AddressType is Reply unless given. It needs no connection. Only reply addresses are kept when the address is used: Microsoft Graph keeps reply URLs only for a service principal, so Realm, Error, Other, SamlMetadata and SamlLogout addresses are refused then.'
            Parameters  = @{
                Address     = 'The address (also -Value, as MSOnline''s own example writes it).'
                AddressType = 'Reply (the default), Realm, Error, Other, SamlMetadata or SamlLogout.'
            }
            Examples    = @(
                @{ Code = 'New-MsolServicePrincipalAddresses -Address "https://myapp.contoso.com/signin"'; Remarks = 'Makes a reply address.' }
            )
        }
        'Set-MsolCompanyContactInformation' = @{
            Synopsis    = 'Sets company-level contact information.'
            Description = 'Replaces the company''s technical notification addresses (-TechnicalNotificationEmails; MSOnline''s own example writes -TechnicalNotificationEmail, which PowerShell takes as its prefix) and marketing notification addresses (-MarketingNotificationEmails); a list left out stays, an empty list clears it, and an entry that is not an email address is PropertyValidationException with nothing changed. Only real changes are written; -WhatIf says what it would do. On Microsoft Graph these are the organization''s technicalNotificationMails and marketingNotificationEmails (Organization.ReadWrite.All).'
            Parameters  = @{
                TechnicalNotificationEmails = 'The addresses for technical notifications about the directory.'
                MarketingNotificationEmails = 'The addresses for marketing notifications.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolCompanyContactInformation -TechnicalNotificationEmails "tech@contoso.com"'; Remarks = 'Sets the technical contact.' }
            )
        }
        'Set-MsolCompanySecurityComplianceContactInformation' = @{
            Synopsis    = 'Sets security and compliance contact information (deprecated by Microsoft).'
            Description = 'Microsoft deprecated this cmdlet: no online service reads these contacts; Microsoft Defender for Cloud keeps its own security contacts. It still replaces the company''s security and compliance contact addresses and phones (a list left out stays, an empty list clears it; addresses must be email addresses), writing only real changes; -WhatIf says what it would do. On Microsoft Graph these are the organization''s securityComplianceNotificationMails and securityComplianceNotificationPhones.'
            Parameters  = @{
                SecurityComplianceNotificationEmails = 'The security and compliance contact addresses.'
                SecurityComplianceNotificationPhones = 'The security and compliance contact phone numbers (also -SecuritComplianceNotificationPhones, as MSOnline''s own example misspells it).'
            }
            Examples    = @(
                @{ Code = 'Set-MsolCompanySecurityComplianceContactInformation -SecurityComplianceNotificationEmails "soc@contoso.com" -SecurityComplianceNotificationPhones "+1 425 555 0100"'; Remarks = 'Sets one contact address and phone.' }
            )
        }
        'Get-MsolDeviceRegistrationServicePolicy' = @{
            Synopsis    = 'Gets the device registration service settings.'
            Description = 'Gets the device registration settings: MaximumDevicesPerUser, RequireMultiFactorAuth (for registering or joining a device), AllowedToWorkplaceJoin (registering personal devices: All or None) and AllowedToAzureAdJoin (All, None, or Selected, with the allowed Users and Groups by ObjectId). A new tenant allows 50 devices per user, everyone, without extra authentication. On Microsoft Graph this is the deviceRegistrationPolicy (Policy.Read.DeviceConfiguration).'
            Parameters  = @{}
            Examples    = @(
                @{ Code = 'Get-MsolDeviceRegistrationServicePolicy'; Remarks = 'Shows the device registration settings.' }
            )
        }
        'Set-MsolDeviceRegistrationServicePolicy' = @{
            Synopsis    = 'Sets the device registration service settings.'
            Description = 'Changes the device registration settings it is given; the others stay. -AllowedToWorkplaceJoin takes All or None; -AllowedToAzureAdJoin Selected keeps the users and groups the policy names (chosen in the Microsoft Entra admin center), with a warning when it names none. A MaximumDevicesPerUser of 0 blocks every new device, which a warning says. Only real changes are written; -WhatIf says what it would do. On Microsoft Graph the policy is read and sent back whole (its update replaces it), keeping what MSOnline does not show; it needs the Cloud Device Administrator role and Policy.ReadWrite.DeviceConfiguration.'
            Parameters  = @{
                AllowedToAzureAdJoin   = 'Who may join devices to Microsoft Entra ID: All, None or Selected.'
                AllowedToWorkplaceJoin = 'Who may register personal devices: All or None.'
                MaximumDevicesPerUser  = 'How many devices a user may have.'
                RequireMultiFactorAuth = 'Whether registering or joining a device asks for multi-factor authentication.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolDeviceRegistrationServicePolicy -MaximumDevicesPerUser 50'; Remarks = 'Lets each user have 50 devices.' }
                @{ Code = 'Set-MsolDeviceRegistrationServicePolicy -RequireMultiFactorAuth $True'; Remarks = 'Asks for a second factor when a device is added.' }
            )
        }
        'Get-MsolAdministrativeUnit' = @{
            Synopsis    = 'Gets administrative units.'
            Description = 'Gets one administrative unit by -ObjectId, or the units matching the filters: the units a user is a member of (-UserObjectId or -UserPrincipalName) and those whose display name starts with -SearchString (in any case). Lists are in display-name order, 250 units unless -All or -MaxResults. An unknown unit is AdministrativeUnitNotFoundException. On Microsoft Graph any member user may read units, with AdministrativeUnit.Read.All or Directory.Read.All.'
            Parameters  = @{
                ObjectId          = 'The object id of the administrative unit to get.'
                UserObjectId      = 'Returns the units this user (by object id) is a member of.'
                UserPrincipalName = 'Returns the units this user (by user principal name) is a member of.'
                SearchString      = 'Returns the units whose display name starts with this text.'
                MaxResults        = 'The most units to return (250 unless given).'
                All               = 'Returns every unit.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolAdministrativeUnit'; Remarks = 'Gets the administrative units of the tenant.' }
                @{ Code = 'Get-MsolAdministrativeUnit -SearchString "West Coast"'; Remarks = 'Gets the unit called West Coast.' }
                @{ Code = 'Get-MsolAdministrativeUnit -UserPrincipalName lee.gu@contoso.com'; Remarks = 'Gets the units Lee is a member of.' }
            )
        }
        'New-MsolAdministrativeUnit' = @{
            Synopsis    = 'Adds an administrative unit.'
            Description = 'Creates an administrative unit and returns it. -DisplayName is needed (RequiredPropertyNotSetException without one); names need not be unique. -WhatIf says what it would do. On Microsoft Graph this needs the Privileged Role Administrator role (or Global Administrator) and the AdministrativeUnit.ReadWrite.All permission.'
            Parameters  = @{
                DisplayName = 'The display name of the new unit.'
                Description = 'A description of the new unit.'
            }
            Examples    = @(@{ Code = 'New-MsolAdministrativeUnit -DisplayName "West Coast" -Description "West Coast region"'; Remarks = 'Creates the administrative unit West Coast.' })
        }
        'Set-MsolAdministrativeUnit' = @{
            Synopsis    = 'Updates an administrative unit.'
            Description = 'Changes the display name or description of an administrative unit; an empty -Description clears it, an empty -DisplayName is refused. Only real changes are written. -WhatIf says what it would do. On Microsoft Graph this needs the Privileged Role Administrator role (or Global Administrator) and the AdministrativeUnit.ReadWrite.All permission.'
            Parameters  = @{
                ObjectId    = 'The object id of the unit to change.'
                DisplayName = 'The new display name.'
                Description = 'The new description (empty clears it).'
            }
            Examples    = @(@{ Code = '$unit = Get-MsolAdministrativeUnit -SearchString "West Coast"; Set-MsolAdministrativeUnit -ObjectId $unit.ObjectId -Description "West Coast region"'; Remarks = 'Changes the description of West Coast.' })
        }
        'Remove-MsolAdministrativeUnit' = @{
            Synopsis    = 'Deletes an administrative unit.'
            Description = 'Deletes an administrative unit with its memberships and the roles scoped to it; its users, groups and devices stay. Asks for confirmation unless -Force or -Confirm:$false is given. On Microsoft Graph this needs the Privileged Role Administrator role (or Global Administrator) and the AdministrativeUnit.ReadWrite.All permission.'
            Parameters  = @{
                ObjectId = 'The object id of the unit to delete.'
                Force    = 'Does not ask for confirmation.'
            }
            Examples    = @(@{ Code = 'Remove-MsolAdministrativeUnit -ObjectId (Get-MsolAdministrativeUnit -SearchString "West Coast").ObjectId -Force'; Remarks = 'Deletes West Coast without asking.' })
        }
        'Get-MsolAdministrativeUnitMember' = @{
            Synopsis    = 'Gets members of an administrative unit.'
            Description = 'Gets the users, groups and devices of an administrative unit, in display-name order, 250 unless -All or -MaxResults. AdministrativeUnitMemberType says which each is; EmailAddress is a user''s user principal name or a group''s mail address. On Microsoft Graph any member user may read them.'
            Parameters  = @{
                AdministrativeUnitObjectId = 'The object id of the administrative unit.'
                MaxResults                 = 'The most members to return (250 unless given).'
                All                        = 'Returns every member.'
            }
            Examples    = @(@{ Code = '$unit = Get-MsolAdministrativeUnit -SearchString "West Coast"; Get-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId'; Remarks = 'Lists the members of West Coast.' })
        }
        'Add-MsolAdministrativeUnitMember' = @{
            Synopsis    = 'Adds a member to an administrative unit.'
            Description = 'Adds a user, group or device, by object id, to an administrative unit; a piped user, group or device binds its ObjectId. A member that is already there is AdministrativeUnitMemberAlreadyExistsException; an object that is no user, group or device is refused. -WhatIf says what it would do. On Microsoft Graph this needs the Privileged Role Administrator role (or Global Administrator) and the AdministrativeUnit.ReadWrite.All permission.'
            Parameters  = @{
                AdministrativeUnitObjectId       = 'The object id of the administrative unit.'
                AdministrativeUnitMemberObjectId = 'The object id of the user, group or device to add.'
            }
            Examples    = @(
                @{ Code = '$unit = Get-MsolAdministrativeUnit -SearchString "West Coast"; $user = Get-MsolUser -UserPrincipalName diego.siciliani@contoso.com; Add-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -AdministrativeUnitMemberObjectId $user.ObjectId'; Remarks = 'Adds Diego to West Coast.' }
                @{ Code = 'Get-MsolUser -All -Department Sales | Add-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId'; Remarks = 'Adds every user of the Sales department.' }
            )
        }
        'Remove-MsolAdministrativeUnitMember' = @{
            Synopsis    = 'Removes a member from an administrative unit.'
            Description = 'Removes a user, group or device, by object id, from an administrative unit; the object itself stays. A member that is not there is AdministrativeUnitMemberNotFoundException. -WhatIf says what it would do. On Microsoft Graph this needs the Privileged Role Administrator role (or Global Administrator) and the AdministrativeUnit.ReadWrite.All permission.'
            Parameters  = @{
                AdministrativeUnitObjectId       = 'The object id of the administrative unit.'
                AdministrativeUnitMemberObjectId = 'The object id of the member to remove.'
            }
            Examples    = @(@{ Code = 'Remove-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -AdministrativeUnitMemberObjectId $user.ObjectId'; Remarks = 'Removes the user from the unit.' })
        }
        'Get-MsolScopedRoleMember' = @{
            Synopsis    = 'Gets members of administrative unit-scoped roles.'
            Description = 'Gets the users who hold a role over an administrative unit: over -AdministrativeUnitObjectId or every unit, in -RoleObjectId or every role, 250 unless -All or -MaxResults. Each row also gives RoleObjectId and AdministrativeUnitObjectId, so that it can be piped to Remove-MsolScopedRoleMember. On Microsoft Graph any member user may read them, with RoleManagement.Read.Directory or Directory.Read.All.'
            Parameters  = @{
                AdministrativeUnitObjectId = 'Only the roles over this administrative unit.'
                RoleObjectId               = 'Only this role (its object id, as Get-MsolRole gives it).'
                MaxResults                 = 'The most members to return (250 unless given).'
                All                        = 'Returns every member.'
            }
            Examples    = @(@{ Code = '$unit = Get-MsolAdministrativeUnit -SearchString "West Coast"; $role = Get-MsolRole -RoleName "Helpdesk Administrator"; Get-MsolScopedRoleMember -RoleObjectId $role.ObjectId -AdministrativeUnitObjectId $unit.ObjectId'; Remarks = 'Lists the Helpdesk Administrators of West Coast.' })
        }
        'Add-MsolScopedRoleMember' = @{
            Synopsis    = 'Adds a member to an administrative unit-scoped role.'
            Description = 'Gives a user, by -RoleMemberObjectId or -RoleMemberUserPrincipalName, a role over one administrative unit. Only the roles Microsoft Entra ID scopes to a unit are taken (User Account Administrator, Helpdesk Administrator, Password Administrator, Authentication Administrator, Groups Administrator, License Administrator and a few more: the error lists them all). A repeat is RoleMemberAlreadyExistsException. -WhatIf says what it would do. On Microsoft Graph this needs the Privileged Role Administrator role (or Global Administrator) and the RoleManagement.ReadWrite.Directory permission.'
            Parameters  = @{
                RoleObjectId                = 'The object id of the role (as Get-MsolRole gives it).'
                AdministrativeUnitObjectId  = 'The object id of the administrative unit.'
                RoleMemberObjectId          = 'The object id of the user.'
                RoleMemberUserPrincipalName = 'The user principal name of the user.'
            }
            Examples    = @(@{ Code = '$unit = Get-MsolAdministrativeUnit -SearchString "West Coast"; $role = Get-MsolRole -RoleName "User Account Administrator"; Add-MsolScopedRoleMember -RoleObjectId $role.ObjectId -AdministrativeUnitObjectId $unit.ObjectId -RoleMemberUserPrincipalName diego.siciliani@contoso.com'; Remarks = 'Makes Diego a User Account Administrator of West Coast.' })
        }
        'Remove-MsolScopedRoleMember' = @{
            Synopsis    = 'Removes a user from an administrative unit-scoped role.'
            Description = 'Takes a role over one administrative unit from a user, by -RoleMemberObjectId or -RoleMemberUserPrincipalName; a piped row of Get-MsolScopedRoleMember names the whole assignment. A user who does not hold it is RoleMemberNotFoundException. -WhatIf says what it would do. On Microsoft Graph this needs the Privileged Role Administrator role (or Global Administrator) and the RoleManagement.ReadWrite.Directory permission.'
            Parameters  = @{
                RoleObjectId                = 'The object id of the role.'
                AdministrativeUnitObjectId  = 'The object id of the administrative unit.'
                RoleMemberObjectId          = 'The object id of the user.'
                RoleMemberUserPrincipalName = 'The user principal name of the user.'
            }
            Examples    = @(
                @{ Code = 'Remove-MsolScopedRoleMember -RoleObjectId $role.ObjectId -AdministrativeUnitObjectId $unit.ObjectId -RoleMemberUserPrincipalName diego.siciliani@contoso.com'; Remarks = 'Takes the role over West Coast from Diego.' }
                @{ Code = 'Get-MsolScopedRoleMember -AdministrativeUnitObjectId $unit.ObjectId | Remove-MsolScopedRoleMember'; Remarks = 'Takes every scoped role over the unit from whoever holds it.' }
            )
        }
        'Get-MsolAllSettingTemplate' = @{
            Synopsis    = 'Gets all directory setting templates.'
            Description = 'Gets the templates directory settings are made from, each with its values'' names, types and defaults. The local tenant offers Group.Unified (settings for Microsoft 365 groups across the tenant) and Group.Unified.Guest (for one group); Microsoft Graph lists its own, more of them. On Microsoft Graph reading them needs a role such as Directory Readers or Global Reader, and GroupSettings.Read.All or Directory.Read.All.'
            Parameters  = @{}
            Examples    = @(@{ Code = 'Get-MsolAllSettingTemplate'; Remarks = 'Lists the setting templates.' })
        }
        'Get-MsolSettingTemplate' = @{
            Synopsis    = 'Gets a directory setting template.'
            Description = 'Gets one setting template by -TemplateId (a piped template binds its Id); its CreateSettingsObject() method makes a Settings object with the template''s defaults, to change by name and pass to New-MsolSettings. An unknown template is SettingTemplateNotFoundException.'
            Parameters  = @{ TemplateId = 'The id of the template.' }
            Examples    = @(@{ Code = '$template = Get-MsolSettingTemplate -TemplateId 62375ab9-6b52-47ed-826b-58e47e0e304b; $setting = $template.CreateSettingsObject(); $setting["UsageGuidelinesUrl"] = "https://contoso.com/guidelines"'; Remarks = 'Prepares Group.Unified settings with a usage guidelines link.' })
        }
        'Get-MsolAllSettings' = @{
            Synopsis    = 'Gets all directory settings of the tenant or of a group.'
            Description = 'Gets the tenant''s directory settings, or with -TargetType Groups -TargetObjectId those of one group. A tenant without settings of its own has its templates'' defaults. Each has Id, DisplayName (its template''s name), TemplateId and Values; GetSettingsValue() copies the values for Set-MsolSettings.'
            Parameters  = @{
                TargetType     = 'Groups for a group''s settings; leave it out for the tenant''s. Microsoft Entra ID keeps settings for the tenant and groups only, so Users, ServicePrincipals, Applications and Devices are refused.'
                TargetObjectId = 'The object id of the group, with -TargetType Groups.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolAllSettings'; Remarks = 'Lists the tenant''s directory settings.' }
                @{ Code = 'Get-MsolAllSettings -TargetType Groups -TargetObjectId $group.ObjectId'; Remarks = 'Lists one group''s settings.' }
            )
        }
        'Get-MsolSettings' = @{
            Synopsis    = 'Gets a directory setting.'
            Description = 'Gets one directory setting by -SettingId, of the tenant or (-TargetType Groups -TargetObjectId) of one group. An unknown setting is SettingNotFoundException.'
            Parameters  = @{
                SettingId      = 'The id of the setting.'
                TargetType     = 'Groups for a group''s settings; leave it out for the tenant''s. Microsoft Entra ID keeps settings for the tenant and groups only, so Users, ServicePrincipals, Applications and Devices are refused.'
                TargetObjectId = 'The object id of the group, with -TargetType Groups.'
            }
            Examples    = @(@{ Code = '(Get-MsolSettings -SettingId $id).Values'; Remarks = 'Shows a setting''s values.' })
        }
        'New-MsolSettings' = @{
            Synopsis    = 'Creates a directory setting.'
            Description = 'Creates a directory setting from -SettingsObject (a template''s CreateSettingsObject(), changed by name): for the tenant, or with -TargetType Groups -TargetObjectId for one group. Values are checked against the template (a name it does not have, or a value of the wrong type, is refused, naming it); those not changed keep the template''s defaults. Group.Unified is for the tenant and Group.Unified.Guest for a group; a second setting of the same template for the same owner is ObjectAlreadyExistsException. -WhatIf says what it would do. On Microsoft Graph this needs the Groups Administrator or Directory Writers role and GroupSettings.ReadWrite.All (Directory.ReadWrite.All for a group''s setting); group settings apply to Microsoft 365 groups only.'
            Parameters  = @{
                SettingsObject = 'The Settings object to create.'
                TargetType     = 'Groups for a group''s settings; leave it out for the tenant''s. Microsoft Entra ID keeps settings for the tenant and groups only, so Users, ServicePrincipals, Applications and Devices are refused.'
                TargetObjectId = 'The object id of the group, with -TargetType Groups.'
            }
            Examples    = @(
                @{ Code = '$setting = (Get-MsolSettingTemplate -TemplateId 62375ab9-6b52-47ed-826b-58e47e0e304b).CreateSettingsObject(); $setting["UsageGuidelinesUrl"] = "https://contoso.com/guidelines"; New-MsolSettings -SettingsObject $setting'; Remarks = 'Sets a usage guidelines link for Microsoft 365 groups.' }
                @{ Code = '$guest = (Get-MsolSettingTemplate -TemplateId 08d542b9-071f-4e16-94b0-74abb372e3d9).CreateSettingsObject(); $guest["AllowToAddGuests"] = $false; New-MsolSettings -SettingsObject $guest -TargetType Groups -TargetObjectId $group.ObjectId'; Remarks = 'Keeps guests out of one group.' }
            )
        }
        'Set-MsolSettings' = @{
            Synopsis    = 'Updates a directory setting.'
            Description = 'Changes a directory setting''s values to those of -SettingsValue (a setting''s GetSettingsValue(), changed by name); values it leaves out keep theirs, and only real changes are written. Names and types are checked as for New-MsolSettings. -WhatIf says what it would do. On Microsoft Graph, whose update replaces every value, the bridge sends them all.'
            Parameters  = @{
                SettingId     = 'The id of the setting to change.'
                SettingsValue = 'The values to write, by name.'
                TargetType     = 'Groups for a group''s settings; leave it out for the tenant''s. Microsoft Entra ID keeps settings for the tenant and groups only, so Users, ServicePrincipals, Applications and Devices are refused.'
                TargetObjectId = 'The object id of the group, with -TargetType Groups.'
            }
            Examples    = @(@{ Code = '$setting = Get-MsolAllSettings | Where-Object DisplayName -eq "Group.Unified"; $value = $setting.GetSettingsValue(); $value["AllowToAddGuests"] = "false"; Set-MsolSettings -SettingId $setting.Id -SettingsValue $value'; Remarks = 'Stops guests from being added to Microsoft 365 groups.' })
        }
        'Remove-MsolSettings' = @{
            Synopsis    = 'Removes a directory setting.'
            Description = 'Deletes a directory setting of the tenant or of one group; its template''s defaults apply again. A piped setting binds its Id. -WhatIf says what it would do.'
            Parameters  = @{
                SettingId      = 'The id of the setting to delete.'
                TargetType     = 'Groups for a group''s settings; leave it out for the tenant''s. Microsoft Entra ID keeps settings for the tenant and groups only, so Users, ServicePrincipals, Applications and Devices are refused.'
                TargetObjectId = 'The object id of the group, with -TargetType Groups.'
            }
            Examples    = @(@{ Code = 'Get-MsolAllSettings | Where-Object DisplayName -eq "Group.Unified" | Remove-MsolSettings'; Remarks = 'Returns Microsoft 365 groups to the default settings.' })
        }
        'Get-MsolDomainFederationSettings' = @{
            Synopsis    = 'Gets key settings for a federated domain.'
            Description = 'Gets a federated domain''s federation settings: where users sign in and out, the issuer, the signing certificates, the preferred protocol, the prompt=login behaviour and SupportsMfa (on Microsoft Graph read from federatedIdpMfaBehavior, its successor). A managed domain has none and is refused, naming DomainName. On Microsoft Graph this reads the domain''s federationConfiguration and needs the Domain Name Administrator, Hybrid Identity Administrator, Security Reader or Global Reader role and Domain-InternalFederation.Read.All.'
            Parameters  = @{ DomainName = 'The federated domain.' }
            Examples    = @(@{ Code = 'Get-MsolDomainFederationSettings -DomainName contoso.com | Format-List *'; Remarks = 'Shows contoso.com''s federation settings.' })
        }
        'Set-MsolDomainFederationSettings' = @{
            Synopsis    = 'Updates settings for a federated domain.'
            Description = 'Changes a federated domain''s federation settings; what is not given stays, and only real changes are written. Certificates are checked to be base64 certificates; IssuerUri, PassiveLogOnUri and SigningCertificate cannot be cleared. -WhatIf says what it would do. On Microsoft Graph this needs the Domain Name Administrator or Hybrid Identity Administrator role and Domain-InternalFederation.ReadWrite.All.'
            Parameters  = @{
                DomainName                             = 'The federated domain.'
                SigningCertificate                     = 'The token-signing certificate: the base64 text of its .cer file, without the BEGIN and END lines.'
                NextSigningCertificate                 = 'The certificate that takes over when the signing certificate expires (empty clears it).'
                LogOffUri                              = 'Where users go when they sign out.'
                PassiveLogOnUri                        = 'Where browsers sign in (the AD FS /adfs/ls/ endpoint).'
                ActiveLogOnUri                         = 'Where rich clients sign in.'
                IssuerUri                              = 'The identity provider''s issuer URI.'
                FederationBrandName                    = 'The name users see when they sign in.'
                MetadataExchangeUri                    = 'The metadata exchange endpoint rich clients use.'
                PreferredAuthenticationProtocol        = 'WsFed or Samlp.'
                SupportsMfa                            = '$true leaves multi-factor authentication to the identity provider (Graph''s federatedIdpMfaBehavior enforceMfaByFederatedIdp); $false has Microsoft Entra ID do it unless the provider did (acceptIfMfaDoneByFederatedIdp).'
                PromptLoginBehavior                    = 'TranslateToFreshPasswordAuth, NativeSupport or Disabled: what the identity provider gets for prompt=login.'
                DefaultInteractiveAuthenticationMethod = 'Refused: Microsoft Entra ID keeps no such setting any more.'
                OpenIdConnectDiscoveryEndpoint         = 'Refused: Microsoft Entra ID keeps no such setting any more.'
                SigningCertificateUpdateStatus         = 'Refused: the service reports the automatic certificate update''s result, which cannot be set.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolDomainFederationSettings -DomainName contoso.com -NextSigningCertificate (Get-Content .\next-token-signing.txt -Raw)'; Remarks = 'Gives Microsoft Entra ID the certificate AD FS rolls over to.' }
                @{ Code = 'Set-MsolDomainFederationSettings -DomainName contoso.com -PromptLoginBehavior NativeSupport'; Remarks = 'Sends prompt=login to AD FS as it is.' }
            )
        }
        'Set-MsolDomainAuthentication' = @{
            Synopsis    = 'Changes the authentication type of a domain.'
            Description = 'With -Authentication Federated, federates a verified domain (not the initial onmicrosoft.com one) with the settings given: IssuerUri, PassiveLogOnUri and SigningCertificate at least (RequiredPropertyNotSetException without them). With -Authentication Managed, makes a federated domain managed and drops its settings; its users then need passwords of their own (Convert-MsolFederatedUser). Only Microsoft Entra ID changes: the AD FS relying party trust is the AD FS server''s. -WhatIf says what it would do. On Microsoft Graph federating creates the domain''s federationConfiguration and making it managed sets its authenticationType; both need the Domain Name Administrator or Hybrid Identity Administrator role and Domain-InternalFederation.ReadWrite.All.'
            Parameters  = @{
                DomainName                             = 'The domain.'
                Authentication                         = 'Federated or Managed.'
                SigningCertificate                     = 'The token-signing certificate: the base64 text of its .cer file, without the BEGIN and END lines.'
                NextSigningCertificate                 = 'The certificate that takes over when the signing certificate expires (empty clears it).'
                LogOffUri                              = 'Where users go when they sign out.'
                PassiveLogOnUri                        = 'Where browsers sign in (the AD FS /adfs/ls/ endpoint).'
                ActiveLogOnUri                         = 'Where rich clients sign in.'
                IssuerUri                              = 'The identity provider''s issuer URI.'
                FederationBrandName                    = 'The name users see when they sign in.'
                MetadataExchangeUri                    = 'The metadata exchange endpoint rich clients use.'
                PreferredAuthenticationProtocol        = 'WsFed or Samlp.'
                SupportsMfa                            = '$true leaves multi-factor authentication to the identity provider (Graph''s federatedIdpMfaBehavior enforceMfaByFederatedIdp); $false has Microsoft Entra ID do it unless the provider did (acceptIfMfaDoneByFederatedIdp).'
                PromptLoginBehavior                    = 'TranslateToFreshPasswordAuth, NativeSupport or Disabled: what the identity provider gets for prompt=login.'
                DefaultInteractiveAuthenticationMethod = 'Refused: Microsoft Entra ID keeps no such setting any more.'
                OpenIdConnectDiscoveryEndpoint         = 'Refused: Microsoft Entra ID keeps no such setting any more.'
                SigningCertificateUpdateStatus         = 'Refused: the service reports the automatic certificate update''s result, which cannot be set.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolDomainAuthentication -DomainName contoso.com -Authentication Federated -IssuerUri "http://sts.contoso.com/adfs/services/trust" -PassiveLogOnUri "https://sts.contoso.com/adfs/ls/" -LogOffUri "https://sts.contoso.com/adfs/ls/" -SigningCertificate $certificate -PreferredAuthenticationProtocol WsFed'; Remarks = 'Federates contoso.com with an AD FS farm.' }
                @{ Code = 'Set-MsolDomainAuthentication -DomainName contoso.com -Authentication Managed'; Remarks = 'Ends federation for contoso.com (the cloud side of a move to password hash synchronization).' }
            )
        }
        'Convert-MsolFederatedUser' = @{
            Synopsis    = 'Updates a user in a domain recently converted from single sign-on.'
            Description = 'Gives a user of a domain that was federated and is managed now a password: -NewPassword, or a generated one, which is returned. Either is temporary: the user changes it at the next sign-in. A user whose domain is still federated is refused, naming UserPrincipalName. -WhatIf says what it would do. On Microsoft Graph this resets the password (User Administrator or a higher role; User.ReadWrite.All).'
            Parameters  = @{
                UserPrincipalName = 'The user.'
                NewPassword       = 'The temporary password; a generated one when not given.'
            }
            Examples    = @(@{ Code = 'Get-MsolUser -DomainName contoso.com -All | ForEach-Object { [pscustomobject]@{ UserPrincipalName = $_.UserPrincipalName; Password = (Convert-MsolFederatedUser -UserPrincipalName $_.UserPrincipalName) } } | Export-Csv temporary-passwords.csv -NoTypeInformation'; Remarks = 'Converts every user of contoso.com once it is managed, keeping their temporary passwords to hand out.' })
        }
        'Get-MsolServicePrincipal' = @{
            Synopsis    = 'Gets service principals.'
            Description = 'Gets one service principal by ObjectId or AppPrincipalId, those with a service principal name, or a list: those whose display name starts with -SearchString, 500 unless -All or -MaxResults. A service principal name with a slash, or a URL, must match one of the principal''s names exactly; a bare appClass matches every name of that class. None found is ServicePrincipalNotFoundException. Every tenant holds Microsoft''s own applications, such as Office 365 Exchange Online (00000002-0000-0ff1-ce00-000000000000).'
            Parameters  = @{
                ObjectId             = 'The object id of the service principal.'
                AppPrincipalId       = 'The application id of the service principal.'
                ServicePrincipalName = 'A service principal name: appClass, appClass/hostname or a URL.'
                SearchString         = 'Lists the service principals whose display name starts with this text.'
                MaxResults           = 'The most service principals to return (500 by default).'
                All                  = 'Returns every service principal.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolServicePrincipal -AppPrincipalId 00000002-0000-0ff1-ce00-000000000000'; Remarks = 'Gets Exchange Online''s service principal.' }
                @{ Code = 'Get-MsolServicePrincipal -All | Select-Object DisplayName, AppPrincipalId, AccountEnabled'; Remarks = 'Lists every service principal.' }
            )
        }
        'New-MsolServicePrincipalCredential' = @{
            Synopsis    = 'Adds a credential key to a service principal.'
            Description = 'Adds a certificate (-Type Asymmetric, the base64-encoded X.509 certificate as -Value), a symmetric key (the default; generated when no -Value is given) or a password to a service principal named by ObjectId, AppPrincipalId or service principal name. The key is valid from -StartDate (now) to -EndDate (a year later); a certificate''s key must lie within the certificate''s own validity, or no token is issued for it, so without dates it ends when the certificate does if that is sooner. -Usage Sign is for symmetric keys only. Passwords and symmetric keys are secrets: the bridge checks them and never keeps or shows them. On Microsoft Graph only certificates can be added (keyCredentials, with the Cloud Application Administrator or Application Administrator role and the Application.ReadWrite.All permission); a symmetric key or password is refused, because Graph stores no symmetric keys and makes client secrets itself.'
            Parameters  = @{
                ObjectId             = 'The object id of the service principal.'
                AppPrincipalId       = 'The application id of the service principal.'
                ServicePrincipalName = 'A service principal name that names exactly one service principal.'
                Type                 = 'Asymmetric (a certificate), Symmetric (the default) or Password.'
                Value                = 'The base64-encoded certificate, the symmetric key, or the password.'
                StartDate            = 'When the key becomes valid (now by default).'
                EndDate              = 'When the key stops being valid (a year after StartDate by default).'
                Usage                = 'Verify (the default) or Sign (symmetric keys only).'
            }
            Examples    = @(
                @{ Code = '$certificate = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 "C:\exchange.cer"; New-MsolServicePrincipalCredential -AppPrincipalId 00000002-0000-0ff1-ce00-000000000000 -Type Asymmetric -Usage Verify -Value ([Convert]::ToBase64String($certificate.GetRawCertData()))'; Remarks = 'Registers an on-premises Exchange server''s certificate for hybrid OAuth.' }
            )
        }
        'Remove-MsolServicePrincipalCredential' = @{
            Synopsis    = 'Removes a credential key from a service principal.'
            Description = 'Removes credential keys, by KeyId, from a service principal named by ObjectId, AppPrincipalId or service principal name, after a compromise or when a key is rolled over. Get-MsolServicePrincipalCredential lists the KeyIds. A KeyId the service principal does not hold is refused, naming the ones it holds, and nothing is removed. -WhatIf removes nothing. On Microsoft Graph certificates leave the keyCredentials (the others are sent back) and passwords go with removePassword, with the Cloud Application Administrator or Application Administrator role and the Application.ReadWrite.All permission.'
            Parameters  = @{
                ObjectId             = 'The object id of the service principal.'
                AppPrincipalId       = 'The application id of the service principal.'
                ServicePrincipalName = 'A service principal name that names exactly one service principal.'
                KeyIds               = 'The KeyIds of the credentials to remove.'
            }
            Examples    = @(
                @{ Code = '$old = Get-MsolServicePrincipalCredential -AppPrincipalId 00000002-0000-0ff1-ce00-000000000000 -ReturnKeyValues $false | Where-Object EndDate -lt (Get-Date); Remove-MsolServicePrincipalCredential -AppPrincipalId 00000002-0000-0ff1-ce00-000000000000 -KeyIds $old.KeyId'; Remarks = 'Removes the expired keys of Exchange Online''s service principal.' }
            )
        }
        'Get-MsolServicePrincipalCredential' = @{
            Synopsis    = 'Gets the credential keys of a service principal.'
            Description = 'Gets the credential keys of a service principal named by ObjectId, AppPrincipalId or service principal name: type, usage, key id and validity. With -ReturnKeyValues $true a certificate''s Value is included; passwords and symmetric keys are never kept, so their Value is always empty.'
            Parameters  = @{
                ObjectId             = 'The object id of the service principal.'
                AppPrincipalId       = 'The application id of the service principal.'
                ServicePrincipalName = 'A service principal name that names exactly one service principal.'
                ReturnKeyValues      = '$true includes certificates'' values.'
            }
            Examples    = @(
                @{ Code = 'Get-MsolServicePrincipalCredential -AppPrincipalId 00000002-0000-0ff1-ce00-000000000000 -ReturnKeyValues $false | Where-Object { $_.EndDate -lt (Get-Date).AddDays(30) }'; Remarks = 'Shows Exchange Online''s keys that expire within 30 days.' }
            )
        }
        'Get-MsolPasswordPolicy' = @{
            Synopsis    = 'Gets the password policy of a domain.'
            Description = 'Gets how long passwords stay valid (ValidityPeriod) and how many days before expiry users are first told (NotificationDays) for one of the company''s verified domains. Null means the service default: 90 days valid, notice 14 days before. A ValidityPeriod of 2147483647 means passwords never expire. An unverified domain is refused naming the verified ones; an unknown one is DomainNotFoundException.'
            Parameters  = @{ DomainName = 'The fully qualified name of a verified domain of the company.' }
            Examples    = @(
                @{ Code = 'Get-MsolPasswordPolicy -DomainName contoso.com'; Remarks = 'Shows the password policy of contoso.com.' }
                @{ Code = 'Get-MsolDomain -Status Verified | ForEach-Object { Get-MsolPasswordPolicy -DomainName $_.Name }'; Remarks = 'Shows the policy of every verified domain.' }
            )
        }
        'Set-MsolPasswordPolicy' = @{
            Synopsis    = 'Sets the password policy of a domain.'
            Description = 'Sets how long passwords stay valid and how many days before expiry users are first told, for one of the company''s verified domains. Both numbers are required. ValidityPeriod is 14 to 730 days, or 2147483647 for passwords that never expire; NotificationDays is 1 to 30 days and shorter than ValidityPeriod, the ranges the Microsoft 365 admin center offers. Anything else is PropertyValidationException naming the field, and changes nothing. On Microsoft Graph this sets the domain''s passwordValidityPeriodInDays and passwordNotificationWindowInDays and needs the Domain Name Administrator role and the Domain.ReadWrite.All permission.'
            Parameters  = @{
                DomainName       = 'The fully qualified name of a verified domain of the company.'
                ValidityPeriod   = 'Days a password stays valid: 14 to 730, or 2147483647 for never.'
                NotificationDays = 'Days before expiry that users are first told: 1 to 30.'
            }
            Examples    = @(
                @{ Code = 'Set-MsolPasswordPolicy -DomainName contoso.com -ValidityPeriod 60 -NotificationDays 14'; Remarks = 'Passwords of contoso.com users expire after 60 days; users are told 14 days before.' }
                @{ Code = 'Get-MsolDomain -Status Verified | ForEach-Object { Set-MsolPasswordPolicy -DomainName $_.Name -ValidityPeriod 2147483647 -NotificationDays 30 }'; Remarks = 'Passwords never expire in any verified domain.' }
            )
        }
        'Add-MsolGroupMember' = @{
            Synopsis    = 'Adds a member to a security group.'
            Description = 'Adds a user or another group to a security group. Piped users bind their ObjectId as the member.'
            Parameters  = @{
                GroupObjectId       = 'The object id of the group.'
                GroupMemberType     = 'The type of the member: User (default) or Group.'
                GroupMemberObjectId = 'The object id of the user or group to add (bound from a piped object''s ObjectId too).'
            }
            Examples    = @(
                @{ Code = 'Add-MsolGroupMember -GroupObjectId $group.ObjectId -GroupMemberType User -GroupMemberObjectId (Get-MsolUser -UserPrincipalName ben@contoso.com).ObjectId'; Remarks = 'Adds a user to a group.' }
                @{ Code = 'Get-MsolUser -Department Finance -All | Add-MsolGroupMember -GroupObjectId $group.ObjectId'; Remarks = 'Adds every user of the Finance department.' }
            )
        }
        'Remove-MsolGroupMember' = @{
            Synopsis    = 'Removes a member from a security group.'
            Description = 'Removes a user or another group from a security group.'
            Parameters  = @{
                GroupObjectId       = 'The object id of the group.'
                GroupMemberType     = 'The type of the member: User (default) or Group.'
                GroupMemberObjectId = 'The object id of the user or group to remove (bound from a piped object''s ObjectId too).'
            }
            Examples    = @(@{ Code = 'Get-MsolGroupMember -GroupObjectId $group.ObjectId -All | Remove-MsolGroupMember -GroupObjectId $group.ObjectId'; Remarks = 'Empties a group.' })
        }
        'Reset-MsolStrongAuthenticationMethodByUpn' = @{
            Synopsis    = 'Makes a user register MFA methods again.'
            Description = 'Clears every registered MFA method of a user, so the user registers again at next sign-in ("require re-register MFA"). Per-user MFA stays as it is.'
            Parameters  = @{ UserPrincipalName = 'The user principal name of the user.' }
            Examples    = @(@{ Code = 'Reset-MsolStrongAuthenticationMethodByUpn -UserPrincipalName ben@contoso.com'; Remarks = 'Requires re-registration at next sign-in.' })
        }
        'Get-MsolUserByStrongAuthentication' = @{
            Synopsis    = 'Gets users by per-user MFA state.'
            Description = 'Gets users whose per-user MFA requirement has one of the given states, users without one, or users holding a role.'
            Parameters  = @{
                RoleObjectId = 'Returns only users holding this role.'; Requirements = 'Returns users whose requirement has one of these states (StrongAuthenticationRequirement objects).'
                RequirementUnsetOnly = 'Returns only users without per-user MFA.'; MaxResults = 'The largest number of users to return (default 500).'
            }
            Examples    = @(@{ Code = @'
$enforced = New-Object Microsoft.Online.Administration.StrongAuthenticationRequirement -Property @{ RelyingParty = "*"; State = "Enforced" }
Get-MsolUserByStrongAuthentication -Requirements $enforced -All
'@; Remarks = 'Gets every user with MFA Enforced.' })
        }
    }
}
