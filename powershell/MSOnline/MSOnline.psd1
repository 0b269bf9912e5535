@{
    RootModule           = 'MSOnline.psm1'
    # At least MSOnline's last release, so scripts pinning @{ModuleName='MSOnline'; ModuleVersion='1.1.183'} keep loading.
    ModuleVersion        = '1.1.183.81'
    GUID                 = '5bd6cc47-1b6a-4b3e-9a1c-4d6c2f0e8a71'
    Author               = 'msol-bridge'
    CompanyName          = 'msol-bridge'
    Copyright            = '(c) msol-bridge contributors. MIT licence.'
    Description          = 'MSOnline cmdlets (Connect-MsolService, Get-MsolUser, Set-MsolUser, ...) served by msol-bridge, against a local tenant or Microsoft Graph, so MSOnline scripts run unchanged.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('MSOnline.Format.ps1xml')
    CmdletsToExport      = @(
        'Add-MsolAdministrativeUnitMember',
        'Add-MsolGroupMember',
        'Add-MsolRoleMember',
        'Add-MsolScopedRoleMember',
        'Confirm-MsolDomain',
        'Connect-MsolService',
        'Convert-MsolFederatedUser',
        'Disable-MsolDevice',
        'Enable-MsolDevice',
        'Get-MsolAccountSku',
        'Get-MsolAdministrativeUnit',
        'Get-MsolAdministrativeUnitMember',
        'Get-MsolAllSettings',
        'Get-MsolAllSettingTemplate',
        'Get-MsolCompanyInformation',
        'Get-MsolContact',
        'Get-MsolDevice',
        'Get-MsolDeviceRegistrationServicePolicy',
        'Get-MsolDirSyncConfiguration',
        'Get-MsolDirSyncFeatures',
        'Get-MsolDirSyncProvisioningError',
        'Get-MsolDomain',
        'Get-MsolDomainFederationSettings',
        'Get-MsolDomainVerificationDns',
        'Get-MsolGroup',
        'Get-MsolGroupMember',
        'Get-MsolHasObjectsWithDirSyncProvisioningErrors',
        'Get-MsolPasswordPolicy',
        'Get-MsolRole',
        'Get-MsolRoleMember',
        'Get-MsolScopedRoleMember',
        'Get-MsolServicePrincipal',
        'Get-MsolServicePrincipalCredential',
        'Get-MsolSettings',
        'Get-MsolSettingTemplate',
        'Get-MsolSubscription',
        'Get-MsolUser',
        'Get-MsolUserByStrongAuthentication',
        'Get-MsolUserRole',
        'New-MsolAdministrativeUnit',
        'New-MsolDomain',
        'New-MsolGroup',
        'New-MsolLicenseOptions',
        'New-MsolServicePrincipal',
        'New-MsolServicePrincipalAddresses',
        'New-MsolServicePrincipalCredential',
        'New-MsolSettings',
        'New-MsolUser',
        'Remove-MsolAdministrativeUnit',
        'Remove-MsolAdministrativeUnitMember',
        'Remove-MsolDevice',
        'Remove-MsolDomain',
        'Remove-MsolGroup',
        'Remove-MsolGroupMember',
        'Remove-MsolRoleMember',
        'Remove-MsolScopedRoleMember',
        'Remove-MsolServicePrincipal',
        'Remove-MsolServicePrincipalCredential',
        'Remove-MsolSettings',
        'Remove-MsolUser',
        'Reset-MsolStrongAuthenticationMethodByUpn',
        'Restore-MsolUser',
        'Set-MsolAdministrativeUnit',
        'Set-MsolCompanyContactInformation',
        'Set-MsolCompanySecurityComplianceContactInformation',
        'Set-MsolCompanySettings',
        'Set-MsolDeviceRegistrationServicePolicy',
        'Set-MsolDirSyncConfiguration',
        'Set-MsolDirSyncEnabled',
        'Set-MsolDirSyncFeature',
        'Set-MsolDomain',
        'Set-MsolDomainAuthentication',
        'Set-MsolDomainFederationSettings',
        'Set-MsolGroup',
        'Set-MsolPasswordPolicy',
        'Set-MsolServicePrincipal',
        'Set-MsolSettings',
        'Set-MsolUser',
        'Set-MsolUserLicense',
        'Set-MsolUserPassword',
        'Set-MsolUserPrincipalName'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('MSOnline', 'MFA', 'AzureAD', 'EntraID', 'Graph')
        }
    }
}
