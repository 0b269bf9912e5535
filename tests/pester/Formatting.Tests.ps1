# Default views: what a bare cmdlet prints.
BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tenant = Connect-TestTenant
    function Get-Header([object[]] $objects) {
        ($objects | Format-Table | Out-String -Width 300).Split([Environment]::NewLine) | Where-Object { $_.Trim() } | Select-Object -First 1
    }
}

Describe 'Default views' {
    It 'Get-MsolUser shows UserPrincipalName, DisplayName, isLicensed' {
        (Get-Header (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com')) -split '\s+' | Where-Object { $_ } | Should -Be @('UserPrincipalName', 'DisplayName', 'isLicensed')
    }
    It 'New-MsolUser shows the password first' {
        $user = New-MsolUser -UserPrincipalName 'format.test@contoso.com' -DisplayName 'Format Test'
        (Get-Header $user) -split '\s+' | Where-Object { $_ } | Should -Be @('Password', 'UserPrincipalName', 'DisplayName', 'isLicensed')
    }
    It 'Get-MsolAccountSku shows AccountSkuId, ActiveUnits, WarningUnits, ConsumedUnits' {
        (Get-Header (Get-MsolAccountSku)) -split '\s+' | Where-Object { $_ } | Should -Be @('AccountSkuId', 'ActiveUnits', 'WarningUnits', 'ConsumedUnits')
    }
    It 'Get-MsolRole shows ObjectId, Name, Description' {
        (Get-Header (Get-MsolRole -RoleName 'Company Administrator')) -split '\s+' | Where-Object { $_ } | Should -Be @('ObjectId', 'Name', 'Description')
    }
    It 'Get-MsolRoleMember shows RoleMemberType, EmailAddress, DisplayName, isLicensed' {
        $role = Get-MsolRole -RoleName 'Company Administrator'
        (Get-Header (Get-MsolRoleMember -RoleObjectId $role.ObjectId)) -split '\s+' | Where-Object { $_ } | Should -Be @('RoleMemberType', 'EmailAddress', 'DisplayName', 'isLicensed')
    }
    It 'a user''s methods print as MethodType and IsDefault' {
        $text = (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com').StrongAuthenticationMethods | Out-String
        $text | Should -Match 'IsDefault\s+MethodType'
        $text | Should -Match 'PhoneAppNotification'
    }
    It 'Export-Csv of a report keeps the values scripts compute' {
        $csv = Join-Path $TestDrive 'report.csv'
        Get-MsolUser -All | Select-Object UserPrincipalName, @{ n = 'MFA'; e = { if ($_.StrongAuthenticationRequirements.State) { $_.StrongAuthenticationRequirements.State } else { 'Disabled' } } } |
            Export-Csv -Path $csv -NoTypeInformation
        $rows = Import-Csv $csv
        ($rows | Where-Object UserPrincipalName -eq 'admin@contoso.onmicrosoft.com').MFA | Should -Be 'Enforced'
        ($rows | Where-Object UserPrincipalName -eq 'adm.alex.wilber@contoso.com').MFA | Should -Be 'Disabled'
    }
}
