# Per-user MFA and registered methods, the way old scripts write them.
BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tenant = Connect-TestTenant
}

Describe 'Set-MsolUser -StrongAuthenticationRequirements' {
    It 'enables per-user MFA for a user with nothing registered' {
        Set-MsolUser -UserPrincipalName 'lee.gu@contoso.com' -StrongAuthenticationMethods @()
        Set-MsolUser -UserPrincipalName 'lee.gu@contoso.com' -StrongAuthenticationRequirements @(New-Requirement 'Enabled') -WarningVariable told
        $told | Should -BeNullOrEmpty -Because 'Enabled stays Enabled'
        (Get-MsolUser -UserPrincipalName 'lee.gu@contoso.com').StrongAuthenticationRequirements.State | Should -Be 'Enabled'
    }
    It 'reads back Enforced when the user already has a registered method' {
        Set-MsolUser -UserPrincipalName 'grady.archie@contoso.com' -StrongAuthenticationRequirements @()
        # Named by ObjectId, as a piped user is: the warning still names the user by UPN.
        $id = (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com').ObjectId
        Set-MsolUser -ObjectId $id -StrongAuthenticationRequirements @(New-Requirement 'Enabled') -WarningVariable told -WarningAction SilentlyContinue
        (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com').StrongAuthenticationRequirements.State | Should -Be 'Enforced'
        # Said at the cmdlet, naming the user: the admin asked for Enabled.
        ($told -join ' ') | Should -BeLike 'grady.archie@contoso.com: Per-user MFA is Enforced, not Enabled*'
    }
    It 'disables per-user MFA with @() and keeps the registered methods' {
        $before = (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com').StrongAuthenticationMethods.Count
        Set-MsolUser -UserPrincipalName 'grady.archie@contoso.com' -StrongAuthenticationRequirements @()
        $user = Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com'
        $user.StrongAuthenticationRequirements.Count | Should -Be 0
        $user.StrongAuthenticationRequirements.State | Should -BeNullOrEmpty
        $user.StrongAuthenticationMethods.Count | Should -Be $before
    }
    It 'keeps RememberDevicesNotIssuedBefore as given' {
        $requirement = New-Requirement 'Enabled'
        $requirement.RememberDevicesNotIssuedBefore = [datetime]::new(2024, 5, 1, 8, 30, 0, [System.DateTimeKind]::Utc)
        Set-MsolUser -UserPrincipalName 'adele.vance@contoso.com' -StrongAuthenticationRequirements $requirement
        $read = (Get-MsolUser -UserPrincipalName 'adele.vance@contoso.com').StrongAuthenticationRequirements[0]
        $read.RememberDevicesNotIssuedBefore.ToUniversalTime() | Should -Be ([datetime]::new(2024, 5, 1, 8, 30, 0, [System.DateTimeKind]::Utc))
    }
    It 'refuses State "Disabled" with PropertyValidationException, and changes nothing' {
        $stateBefore = (Get-MsolUser -UserPrincipalName 'adele.vance@contoso.com').StrongAuthenticationRequirements.State
        $failure = $null
        try { Set-MsolUser -UserPrincipalName 'adele.vance@contoso.com' -StrongAuthenticationRequirements @(New-Requirement 'Disabled') -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetUser'
        $failure.Exception.Message | Should -BeLike 'Invalid value for parameter.  Parameter Name: *State*'
        $failure.Exception.AllowedValues | Should -Be @('Enabled', 'Enforced')
        (Get-MsolUser -UserPrincipalName 'adele.vance@contoso.com').StrongAuthenticationRequirements.State | Should -Be $stateBefore
    }
}

Describe 'Set-MsolUser -StrongAuthenticationMethods' {
    It 'pre-populates SMS and voice from the mobile number' {
        Set-MsolUser -UserPrincipalName 'megan.bowen@contoso.com' -MobilePhone '+1 4255550100'
        Set-MsolUser -UserPrincipalName 'megan.bowen@contoso.com' -StrongAuthenticationMethods @((New-Method 'OneWaySMS' $true), (New-Method 'TwoWayVoiceMobile' $false))
        $user = Get-MsolUser -UserPrincipalName 'megan.bowen@contoso.com'
        ($user.StrongAuthenticationMethods | Where-Object IsDefault).MethodType | Should -Be 'OneWaySMS'
        $user.StrongAuthenticationUserDetails.PhoneNumber | Should -Be '+1 4255550100'
    }
    It 'changes the default by flipping IsDefault on the objects read back' {
        $user = Get-MsolUser -UserPrincipalName 'megan.bowen@contoso.com'
        $methods = $user.StrongAuthenticationMethods
        foreach ($method in $methods) { $method.IsDefault = ($method.MethodType -eq 'TwoWayVoiceMobile') }
        Set-MsolUser -UserPrincipalName 'megan.bowen@contoso.com' -StrongAuthenticationMethods $methods
        ((Get-MsolUser -UserPrincipalName 'megan.bowen@contoso.com').StrongAuthenticationMethods | Where-Object IsDefault).MethodType | Should -Be 'TwoWayVoiceMobile'
    }
    It 'refuses a method type twice with UniquenessValidationException' {
        { Set-MsolUser -UserPrincipalName 'megan.bowen@contoso.com' -StrongAuthenticationMethods @((New-Method 'OneWaySMS' $true), (New-Method 'OneWaySMS' $false)) -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.UniquenessValidationException,Microsoft.Online.Administration.Automation.SetUser'
    }
    It 'refuses an unknown method type, naming the allowed ones' {
        $failure = $null
        try { Set-MsolUser -UserPrincipalName 'megan.bowen@contoso.com' -StrongAuthenticationMethods @(New-Method 'Carrier pigeon' $true) -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception | Should -BeOfType ([Microsoft.Online.Administration.Automation.PropertyValidationException])
        $failure.Exception.Message | Should -Match 'MethodType'
        $failure.Exception.AllowedValues | Should -Contain 'PhoneAppNotification'
    }
    It 'refuses SMS for a user without a mobile phone, naming MobilePhone' {
        $failure = $null
        try { Set-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com' -StrongAuthenticationMethods @(New-Method 'OneWaySMS' $true) -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception.Message | Should -Match 'MobilePhone'
        (Get-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com').StrongAuthenticationMethods.Count | Should -Be 0
    }
    It 'clears the methods with @() and keeps the requirement (require re-register)' {
        Set-MsolUser -UserPrincipalName 'megan.bowen@contoso.com' -StrongAuthenticationRequirements @(New-Requirement 'Enforced')
        Set-MsolUser -UserPrincipalName 'megan.bowen@contoso.com' -StrongAuthenticationMethods @()
        $user = Get-MsolUser -UserPrincipalName 'megan.bowen@contoso.com'
        $user.StrongAuthenticationMethods.Count | Should -Be 0
        ($null -eq $user.StrongAuthenticationMethods) | Should -BeFalse -Because 'an empty list, never $null'
        $user.StrongAuthenticationRequirements.State | Should -Be 'Enforced'
    }
}

Describe 'Reset-MsolStrongAuthenticationMethodByUpn and Get-MsolUserByStrongAuthentication' {
    It 'clears every registered method' {
        Reset-MsolStrongAuthenticationMethodByUpn -UserPrincipalName 'grady.archie@contoso.com'
        (Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com').StrongAuthenticationMethods.Count | Should -Be 0
    }
    It 'changes nothing with -WhatIf' {
        $before = (Get-MsolUser -UserPrincipalName 'admin@contoso.onmicrosoft.com').StrongAuthenticationMethods.Count
        Reset-MsolStrongAuthenticationMethodByUpn -UserPrincipalName 'admin@contoso.onmicrosoft.com' -WhatIf
        (Get-MsolUser -UserPrincipalName 'admin@contoso.onmicrosoft.com').StrongAuthenticationMethods.Count | Should -Be $before
    }
    It 'finds users by state' {
        $enforced = @(Get-MsolUserByStrongAuthentication -Requirements @(New-Requirement 'Enforced') -All)
        $enforced.Count | Should -BeGreaterThan 0
        $enforced | ForEach-Object { $_.StrongAuthenticationRequirements.State | Should -Be 'Enforced' }
        $unset = @(Get-MsolUserByStrongAuthentication -RequirementUnsetOnly -MaxResults 20)
        $unset | ForEach-Object { $_.StrongAuthenticationRequirements.Count | Should -Be 0 }
    }
}

Describe 'Piping users back into Set-MsolUser' {
    It 'writes only the real change when every property re-binds' {
        $upn = 'diego.siciliani@contoso.com'
        $before = Get-MsolUser -UserPrincipalName $upn
        $before | Set-MsolUser -StrongAuthenticationRequirements @(New-Requirement 'Enabled') -Verbose 4>&1 |
            ForEach-Object { "$_" } | Should -Contain "${upn}: changed StrongAuthenticationRequirements."
        $after = Get-MsolUser -UserPrincipalName $upn
        $after.DisplayName | Should -Be $before.DisplayName
        $after.LastPasswordChangeTimestamp | Should -Be $before.LastPasswordChangeTimestamp
    }
    It 'changes nothing when a whole listing is piped back unchanged' {
        $messages = Get-MsolUser -MaxResults 50 -WarningAction SilentlyContinue | Set-MsolUser -Verbose 4>&1 | ForEach-Object { "$_" } | Where-Object { $_ -like '*: changed *' }
        $messages | Should -BeNullOrEmpty
    }
    It 'enables MFA for every Company Administrator through Get-MsolRoleMember | Set-MsolUser' {
        $role = Get-MsolRole -RoleName 'Company Administrator'
        Get-MsolRoleMember -RoleObjectId $role.ObjectId | Set-MsolUser -StrongAuthenticationRequirements @(New-Requirement 'Enabled')
        foreach ($member in Get-MsolRoleMember -RoleObjectId $role.ObjectId) {
            (Get-MsolUser -UserPrincipalName $member.EmailAddress).StrongAuthenticationRequirements.State | Should -BeIn @('Enabled', 'Enforced')
        }
    }
}

Describe 'MFA cmdlets on Microsoft Graph signed in without the role they need' {
    BeforeAll {
        $simulator = Start-TestGraphSimulator -Tenant (New-TestTenant)
        # Three accounts that sign in with a password: a User Administrator, an Authentication
        # Administrator and a user who holds no role.
        $accounts = @(
            @{ Alias = 'useradmin'; Role = 'fe930be7-5e62-47db-91af-98c3a49a38b1' }
            @{ Alias = 'authadmin'; Role = 'c4e39bd9-1100-46d3-8c65-fb160da0071f' }
            @{ Alias = 'staff'; Role = $null }
        )
        foreach ($account in $accounts) {
            $created = Invoke-TestGraphRequest $simulator POST '/v1.0/users' @{
                accountEnabled = $true; displayName = $account.Alias; mailNickname = $account.Alias
                userPrincipalName = "$($account.Alias)@contoso.onmicrosoft.com"
                passwordProfile = @{ password = 'Runbook-Pa55'; forceChangePasswordNextSignIn = $false } }
            if ($account.Role) {
                try { Invoke-TestGraphRequest $simulator POST '/v1.0/directoryRoles' @{ roleTemplateId = $account.Role } | Out-Null } catch { }
                Invoke-TestGraphRequest $simulator POST "/v1.0/directoryRoles(roleTemplateId='$($account.Role)')/members/`$ref" @{
                    '@odata.id' = "$($simulator.Url)/v1.0/directoryObjects/$($created.id)" } | Out-Null
            }
        }
        $target = (Get-MsolUser -All | Where-Object { -not $_.StrongAuthenticationRequirements } | Select-Object -First 1).UserPrincipalName
        foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $simulator.Environment[$name] }
    }
    AfterAll {
        foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $null }
        $simulator.Process.Kill()
        Connect-MsolService -LocalTenant $tenant
    }
    It 'signed in as <Alias>, Set-MsolUser -StrongAuthenticationRequirements names the role and permission it lacks' -ForEach @(
        @{ Alias = 'useradmin' }, @{ Alias = 'authadmin' }, @{ Alias = 'staff' }
    ) {
        $credential = New-Object System.Management.Automation.PSCredential ("$Alias@contoso.onmicrosoft.com", (ConvertTo-SecureString 'Runbook-Pa55' -AsPlainText -Force))
        Connect-MsolService -Credential $credential
        $failure = $null
        try {
            Set-MsolUser -UserPrincipalName $target -StrongAuthenticationRequirements @(New-Requirement 'Enforced') -ErrorAction Stop
        } catch {
            $failure = $_
        }
        $failure | Should -Not -BeNullOrEmpty -Because 'per-user MFA needs a role this account lacks'
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Microsoft.Online.Administration.Automation.AccessDeniedException,Microsoft.Online.Administration.Automation.SetUser'
        $failure.Exception.Message | Should -BeLike 'Access Denied. You do not have permissions to call this cmdlet.*'
        $failure.Exception.Message | Should -BeLike '*Authentication Policy Administrator*'
    }
}
