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

Describe 'Tenant data on the console' {
    BeforeAll {
        # A control character in any text a view prints (line breaks and tabs aside).
        function Test-RawControl([string] $Text) { $Text -match '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]' }
        $planted = New-Object Microsoft.Online.Administration.User
        $planted.UserPrincipalName = "eve`e[2J@contoso.com"
        $planted.DisplayName = "Eve`e]0;owned`a"
        $planted.City = "Oslo`e[31m"
        $planted.AlternateEmailAddresses = [System.Collections.Generic.List[string]]@("a`e@b.com")
    }
    It 'a table shows control characters as symbols' {
        $text = $planted | Format-Table | Out-String
        Test-RawControl $text | Should -BeFalse
        $text | Should -Match ([regex]::Escape("Eve$([char]0x241B)]0;owned$([char]0x2407)"))
    }
    It 'a list shows every property, text as symbols and collections as {...}' {
        $text = $planted | Format-List | Out-String
        Test-RawControl $text | Should -BeFalse
        $text | Should -Match "City\s+: Oslo$([char]0x241B)\[31m"
        $text | Should -Match "AlternateEmailAddresses\s+: \{a$([char]0x241B)@b.com\}"
        $text | Should -Match 'StrongAuthenticationMethods\s+: \{\}'
        $defaultNames = @($planted.PSObject.Properties | ForEach-Object Name)
        foreach ($name in $defaultNames) { $text | Should -Match "(?m)^$name\s+:" -Because "$name is listed as before" }
    }
    It 'the objects keep their values: only the views change' {
        $planted.DisplayName | Should -BeExactly "Eve`e]0;owned`a"
    }
    It 'a user from the tenant lists as before' {
        $text = Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com' | Format-List | Out-String
        $text | Should -Match 'UserPrincipalName\s+: grady.archie@contoso.com'
        $text | Should -Match 'StrongAuthenticationMethods\s+: \{Microsoft.Online.Administration.StrongAuthenticationMethod'
    }
}

Describe 'Registered phone apps in the demo tenant' {
    It 'carry an Id, which a user''s list view shows' {
        $user = Get-MsolUser -All | Where-Object { $_.StrongAuthenticationPhoneAppDetails } | Select-Object -First 1
        $app = $user.StrongAuthenticationPhoneAppDetails[0]
        $app.Id | Should -Not -BeNullOrEmpty
        ($user | Format-List StrongAuthenticationPhoneAppDetails | Out-String) | Should -Match ([regex]::Escape("{$($app.Id)}"))
    }
}

Describe 'Table views at 80 columns' {
    It 'Get-MsolRole shows every whole ObjectId and role name within 80 columns' {
        $lines = (Get-MsolRole | Format-Table | Out-String -Width 80).Split([Environment]::NewLine) | Where-Object { $_.Trim() }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        ($lines | Where-Object { $_ -like '62e90394-69f5-4237-9190-012177145e10 Company Administrator *' }) | Should -Not -BeNullOrEmpty
        ($lines -join "`n") | Should -Match 'Privileged Authentication Administrator'
    }
    It 'Get-MsolDomain shows whole domain names within 80 columns' {
        $lines = (Get-MsolDomain | Format-Table | Out-String -Width 80).Split([Environment]::NewLine) | Where-Object { $_.Trim() }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        foreach ($domain in Get-MsolDomain) { ($lines -join "`n") | Should -Match ([regex]::Escape($domain.Name)) }
    }
}
