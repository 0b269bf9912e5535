# Get-MsolUser, New-MsolUser, Remove/Restore-MsolUser, passwords, UPNs and licences against a real bridge.
BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tenant = Connect-TestTenant
}

Describe 'Get-MsolUser' {
    It 'finds one user by UserPrincipalName, as a typed User' {
        $user = Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com'
        $user | Should -BeOfType ([Microsoft.Online.Administration.User])
        $user.DisplayName | Should -Be 'Grady Archie'
        $user.ObjectId | Should -BeOfType ([guid])
        $user.IsLicensed | Should -BeTrue
        $user.WhenCreated | Should -BeOfType ([datetime])
        $user.Licenses.AccountSkuId | Should -Contain 'contoso:ENTERPRISEPACK'
        $user.UserType | Should -Be 'Member'
    }
    It 'finds one user by ObjectId' {
        $id = (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com').ObjectId
        (Get-MsolUser -ObjectId $id).UserPrincipalName | Should -Be 'grady.archie@contoso.com'
    }
    It 'binds ObjectId from piped objects (role members)' {
        $role = Get-MsolRole -RoleName 'Company Administrator'
        $members = @(Get-MsolRoleMember -RoleObjectId $role.ObjectId)
        $users = @($members | Get-MsolUser)
        $users.Count | Should -Be $members.Count
        $users[0] | Should -BeOfType ([Microsoft.Online.Administration.User])
    }
    It 'returns 500 users without -All or -MaxResults, and warns that more exist' {
        $big = New-TestTenant
        & $env:MSOL_BRIDGE_EXE tenant demo --tenant $big --users 620 --force | Out-Null
        Connect-MsolService -LocalTenant $big
        try {
            $users = Get-MsolUser -WarningVariable warnings -WarningAction SilentlyContinue
            $users.Count | Should -Be 500
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match '-All'
            (Get-MsolUser -All -WarningVariable none).Count | Should -BeGreaterThan 600
            $none.Count | Should -Be 0
        } finally {
            Connect-MsolService -LocalTenant $tenant
        }
    }
    It 'shows a whole listing''s progress against the tenant''s user count, with time left' {
        $run = [powershell]::Create()
        $null = $run.AddScript({ Get-MsolUser -All | Measure-Object })
        $listed = $run.Invoke()[0].Count
        $shown = @($run.Streams.Progress | Where-Object RecordType -eq 'Processing')
        $run.Dispose()
        $shown.Count | Should -BeGreaterThan 0
        $shown[-1].Activity | Should -Be 'Get-MsolUser'
        $shown[-1].StatusDescription | Should -Match "^$listed of about $listed users so far \(\d+ per second\)$"
        $shown[-1].PercentComplete | Should -Be 99 -Because 'the count is an estimate, so the bar holds short of the end'
        $shown[-1].SecondsRemaining | Should -Be 0
    }
    It 'shows a filtered listing''s progress without a total' {
        $run = [powershell]::Create()
        $null = $run.AddScript({ Get-MsolUser -All -EnabledFilter EnabledOnly | Measure-Object })
        $null = $run.Invoke()
        $shown = @($run.Streams.Progress | Where-Object RecordType -eq 'Processing')
        $run.Dispose()
        $shown[-1].StatusDescription | Should -Match '^\d+ users so far'
        $shown[-1].PercentComplete | Should -Be -1
    }
    It 'returns -MaxResults users' {
        (Get-MsolUser -MaxResults 7 -WarningAction SilentlyContinue).Count | Should -Be 7
    }
    It 'filters by <Parameter>' -ForEach @(
        @{ Parameter = 'SearchString'; Value = 'adm.'; Check = { $_.UserPrincipalName -like 'adm.*' } }
        @{ Parameter = 'EnabledFilter'; Value = 'DisabledOnly'; Check = { $_.BlockCredential } }
        @{ Parameter = 'UnlicensedUsersOnly'; Value = $true; Check = { -not $_.IsLicensed } }
        @{ Parameter = 'Synchronized'; Value = $true; Check = { $null -ne $_.LastDirSyncTime } }
        @{ Parameter = 'DomainName'; Value = 'contoso.onmicrosoft.com'; Check = { $_.UserPrincipalName -like '*@contoso.onmicrosoft.com' } }
    ) {
        $arguments = @{ $Parameter = $Value; All = $true }
        $users = @(Get-MsolUser @arguments)
        $users.Count | Should -BeGreaterThan 0
        foreach ($user in $users) { $user | Where-Object $Check | Should -Not -BeNullOrEmpty -Because $user.UserPrincipalName }
    }
    It 'lists recycle-bin users with -ReturnDeletedUsers' {
        $deleted = Get-MsolUser -ReturnDeletedUsers -All
        $deleted.UserPrincipalName | Should -Contain 'debra.berger@contoso.com'
        $deleted | ForEach-Object { $_.SoftDeletionTimestamp | Should -Not -BeNullOrEmpty }
    }
    It 'refuses -All with -MaxResults as PowerShell refuses mixed parameter sets' {
        { Get-MsolUser -All -MaxResults 5 -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,Microsoft.Online.Administration.Automation.GetUser'
    }
    It 'streams: the first user reaches the pipeline before the listing ends' {
        $first = Get-MsolUser -All | Select-Object -First 1
        $first | Should -BeOfType ([Microsoft.Online.Administration.User])
    }
}

Describe 'New-MsolUser' {
    It 'creates a user and returns it with its generated password' {
        $user = New-MsolUser -UserPrincipalName 'new.person@contoso.com' -DisplayName 'New Person' -FirstName 'New' -LastName 'Person' -UsageLocation 'US' -LicenseAssignment 'contoso:ENTERPRISEPACK'
        $user | Should -BeOfType ([Microsoft.Online.Administration.UserExtended])
        $user.Password.Length | Should -BeGreaterOrEqual 8
        $user.IsLicensed | Should -BeTrue
        (Get-MsolUser -UserPrincipalName 'new.person@contoso.com').DisplayName | Should -Be 'New Person'
    }
    It 'creates users from CSV rows bound by property name' {
        $rows = @(
            [pscustomobject]@{ UserPrincipalName = 'csv.one@contoso.com'; DisplayName = 'Csv One'; Department = 'Finance' }
            [pscustomobject]@{ UserPrincipalName = 'csv.two@contoso.com'; DisplayName = 'Csv Two'; Department = 'Sales' }
        )
        $created = $rows | New-MsolUser
        $created.Count | Should -Be 2
        (Get-MsolUser -UserPrincipalName 'csv.two@contoso.com').Department | Should -Be 'Sales'
    }
    It 'refuses a duplicate user principal name with UserAlreadyExistsException' {
        { New-MsolUser -UserPrincipalName 'grady.archie@contoso.com' -DisplayName 'Again' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.UserAlreadyExistsException,Microsoft.Online.Administration.Automation.NewUser'
    }
    It 'creates nothing with -WhatIf' {
        New-MsolUser -UserPrincipalName 'whatif.user@contoso.com' -DisplayName 'What If' -WhatIf
        Get-MsolUser -UserPrincipalName 'whatif.user@contoso.com' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Remove-MsolUser and Restore-MsolUser' {
    BeforeAll {
        New-MsolUser -UserPrincipalName 'leaving@contoso.com' -DisplayName 'Leaving' | Out-Null
    }
    It 'does nothing with -WhatIf' {
        Remove-MsolUser -UserPrincipalName 'leaving@contoso.com' -WhatIf
        Get-MsolUser -UserPrincipalName 'leaving@contoso.com' | Should -Not -BeNullOrEmpty
    }
    It 'moves a user to the recycle bin with -Force, and Restore-MsolUser brings it back' {
        Remove-MsolUser -UserPrincipalName 'leaving@contoso.com' -Force
        Get-MsolUser -UserPrincipalName 'leaving@contoso.com' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-MsolUser -ReturnDeletedUsers -SearchString 'Leaving').UserPrincipalName | Should -Be 'leaving@contoso.com'
        Restore-MsolUser -UserPrincipalName 'leaving@contoso.com'
        (Get-MsolUser -UserPrincipalName 'leaving@contoso.com').DisplayName | Should -Be 'Leaving'
    }
    It 'removes a piped user by ObjectId with -Confirm:$false' {
        Get-MsolUser -UserPrincipalName 'leaving@contoso.com' | Remove-MsolUser -Confirm:$false
        Get-MsolUser -UserPrincipalName 'leaving@contoso.com' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
    It 'refuses to restore a user deleted more than 30 days ago' {
        { Restore-MsolUser -UserPrincipalName 'old.contractor@contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.RestoreUserNotAllowedException,Microsoft.Online.Administration.Automation.RestoreUser'
    }
}

Describe 'Set-MsolUserPassword, Set-MsolUserPrincipalName, Set-MsolUserLicense' {
    It 'returns a generated password' {
        $password = Set-MsolUserPassword -UserPrincipalName 'isaiah.langer@contoso.com' -ForceChangePassword $true
        $password | Should -BeOfType ([string])
        $password.Length | Should -BeGreaterOrEqual 8
    }
    It 'refuses a weak password, naming the parameter' {
        { Set-MsolUserPassword -UserPrincipalName 'isaiah.langer@contoso.com' -NewPassword 'abc' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetUserPassword'
    }
    It 'renames a user' {
        New-MsolUser -UserPrincipalName 'rename.me@contoso.com' -DisplayName 'Rename Me' | Out-Null
        Set-MsolUserPrincipalName -UserPrincipalName 'rename.me@contoso.com' -NewUserPrincipalName 'renamed@contoso.com'
        (Get-MsolUser -UserPrincipalName 'renamed@contoso.com').DisplayName | Should -Be 'Rename Me'
    }
    It 'refuses a usage location that is not a country code, listing the codes, and changes nothing' {
        $before = (Get-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com').UsageLocation
        $failure = $null
        try { Set-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com' -UsageLocation 'ZZ' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetUser'
        $failure.Exception.Message | Should -BeLike '*UsageLocation*ZZ*ISO 3166-1*Allowed values: AD, AE, *, ZW.'
        (Get-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com').UsageLocation | Should -Be $before
        { New-MsolUser -UserPrincipalName 'nowhere@contoso.com' -DisplayName 'Nowhere' -UsageLocation 'UK' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.NewUser'
    }
    It 'adds and removes licences' {
        Set-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com' -UsageLocation 'GB'
        Set-MsolUserLicense -UserPrincipalName 'isaiah.langer@contoso.com' -AddLicenses 'contoso:EMS'
        (Get-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com').Licenses.AccountSkuId | Should -Contain 'contoso:EMS'
        Set-MsolUserLicense -UserPrincipalName 'isaiah.langer@contoso.com' -RemoveLicenses 'contoso:EMS'
        (Get-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com').Licenses.AccountSkuId | Should -Not -Contain 'contoso:EMS'
    }
    It 'refuses an unknown licence with InvalidLicenseConfigurationException' {
        { Set-MsolUserLicense -UserPrincipalName 'isaiah.langer@contoso.com' -AddLicenses 'contoso:NOSUCHSKU' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.InvalidLicenseConfigurationException,Microsoft.Online.Administration.Automation.SetUserLicense'
    }
}
