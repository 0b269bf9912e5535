# Roles, groups, domains, company and subscriptions.
BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tenant = Connect-TestTenant
}

Describe 'Roles' {
    It 'Company Administrator is the Global Administrator template, by legacy and current name' {
        $legacy = Get-MsolRole -RoleName 'Company Administrator'
        $current = Get-MsolRole -RoleName 'Global Administrator'
        $legacy.ObjectId | Should -Be ([guid]'62e90394-69f5-4237-9190-012177145e10')
        $current.ObjectId | Should -Be $legacy.ObjectId
        $legacy.Name | Should -Be 'Company Administrator'
        (Get-MsolRole -ObjectId $legacy.ObjectId).Name | Should -Be 'Company Administrator'
    }
    It 'lists every role' {
        (Get-MsolRole).Count | Should -BeGreaterThan 10
    }
    It 'role members carry the UPN in EmailAddress' {
        $role = Get-MsolRole -RoleName 'Company Administrator'
        $members = Get-MsolRoleMember -RoleObjectId $role.ObjectId
        $members.EmailAddress | Should -Contain 'admin@contoso.onmicrosoft.com'
        $members[0] | Should -BeOfType ([Microsoft.Online.Administration.RoleMember])
        $members[0].RoleMemberType | Should -Be 'User'
        foreach ($member in $members) { Get-MsolUser -UserPrincipalName $member.EmailAddress | Should -Not -BeNullOrEmpty }
    }
    It 'adds and removes a member by role name and UPN' {
        Add-MsolRoleMember -RoleName 'User Account Administrator' -RoleMemberEmailAddress 'johanna.lorenz@contoso.com'
        (Get-MsolUserRole -UserPrincipalName 'johanna.lorenz@contoso.com').Name | Should -Contain 'User Account Administrator'
        Remove-MsolRoleMember -RoleName 'User Account Administrator' -RoleMemberType User -RoleMemberEmailAddress 'johanna.lorenz@contoso.com'
        (Get-MsolUserRole -UserPrincipalName 'johanna.lorenz@contoso.com').Name | Should -Not -Contain 'User Account Administrator'
    }
    It 'adds a member by role ObjectId and member ObjectId' {
        $role = Get-MsolRole -RoleName 'Helpdesk Administrator'
        $user = Get-MsolUser -UserPrincipalName 'johanna.lorenz@contoso.com'
        Add-MsolRoleMember -RoleObjectId $role.ObjectId -RoleMemberObjectId $user.ObjectId
        (Get-MsolRoleMember -RoleObjectId $role.ObjectId -All).ObjectId | Should -Contain $user.ObjectId
    }
    It 'changes no membership with -WhatIf' {
        Add-MsolRoleMember -RoleName 'Billing Administrator' -RoleMemberEmailAddress 'johanna.lorenz@contoso.com' -WhatIf
        (Get-MsolUserRole -UserPrincipalName 'johanna.lorenz@contoso.com').Name | Should -Not -Contain 'Billing Administrator'
    }
    It 'Get-MsolUserRole includes roles held through a group' {
        $group = Get-MsolGroup -SearchString 'Helpdesk Operators'
        $member = (Get-MsolGroupMember -GroupObjectId $group.ObjectId -All | Where-Object GroupMemberType -eq 'User' | Select-Object -First 1)
        (Get-MsolUserRole -ObjectId $member.ObjectId).Name | Should -Contain 'Helpdesk Administrator'
    }
    It 'completes -RoleName from the tenant''s roles' {
        $completion = TabExpansion2 -inputScript 'Get-MsolRole -RoleName Company' -cursorColumn 'Get-MsolRole -RoleName Company'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain "'Company Administrator'"
    }
    It 'completes enum parameters' {
        $completion = TabExpansion2 -inputScript 'Get-MsolUser -EnabledFilter ' -cursorColumn 'Get-MsolUser -EnabledFilter '.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'EnabledOnly'
    }
}

Describe 'Groups' {
    It 'lists groups and finds one by ObjectId' {
        $groups = Get-MsolGroup -All
        $groups.DisplayName | Should -Contain 'All Staff'
        $finance = $groups | Where-Object DisplayName -eq 'Finance'
        (Get-MsolGroup -ObjectId $finance.ObjectId).EmailAddress | Should -Be 'finance@contoso.com'
        $finance.ObjectId.Guid | Should -Not -BeNullOrEmpty
    }
    It 'filters by GroupType' {
        Get-MsolGroup -GroupType Security -All | ForEach-Object { $_.GroupType | Should -Be 'Security' }
    }
    It 'lists group members, 250 at most without -All' {
        $all = Get-MsolGroup -SearchString 'All Staff'
        (Get-MsolGroupMember -GroupObjectId $all.ObjectId -WarningAction SilentlyContinue).Count | Should -Be 250
        (Get-MsolGroupMember -GroupObjectId $all.ObjectId -All).Count | Should -BeGreaterThan 250
    }
}

Describe 'Company, domains and subscriptions' {
    It 'Get-MsolCompanyInformation' {
        $company = Get-MsolCompanyInformation
        $company | Should -BeOfType ([Microsoft.Online.Administration.CompanyInformation])
        $company.InitialDomain | Should -Be 'contoso.onmicrosoft.com'
    }
    It 'Get-MsolDomain lists domains and finds the initial one' {
        (Get-MsolDomain | Where-Object { $_.IsInitial }).Name | Should -Be 'contoso.onmicrosoft.com'
        (Get-MsolDomain -DomainName 'contoso.com').IsDefault | Should -BeTrue
        (Get-MsolDomain -Status Verified).Count | Should -BeGreaterOrEqual 2
        (Get-MsolDomain -DomainName 'contoso.com').Capabilities.HasFlag([Microsoft.Online.Administration.DomainCapabilities]::Email) | Should -BeTrue
    }
    It 'a missing domain is DomainNotFoundException' {
        { Get-MsolDomain -DomainName 'fabrikam.example' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.DomainNotFoundException,Microsoft.Online.Administration.Automation.GetDomain'
    }
    It 'Get-MsolAccountSku with ServiceStatus expandable' {
        $skus = Get-MsolAccountSku
        $skus.AccountSkuId | Should -Contain 'contoso:ENTERPRISEPACK'
        ($skus | Select-Object -ExpandProperty ServiceStatus).Count | Should -BeGreaterThan 0
        ($skus | Where-Object SkuPartNumber -eq 'ENTERPRISEPACK').ConsumedUnits | Should -BeGreaterThan 0
    }
}
