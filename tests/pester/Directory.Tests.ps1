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

Describe 'Group changes' {
    BeforeAll {
        $ben = Get-MsolUser -UserPrincipalName 'johanna.lorenz@contoso.com'
    }
    It 'New-MsolGroup returns a security group with its owner' {
        $group = New-MsolGroup -DisplayName 'Pester Group' -Description 'made by a test' -ManagedBy 'johanna.lorenz@contoso.com'
        $group | Should -BeOfType ([Microsoft.Online.Administration.Group])
        $group.GroupType | Should -Be 'Security'
        $group.ManagedBy | Should -Be $ben.ObjectId.ToString()
        (Get-MsolGroup -ObjectId $group.ObjectId).Description | Should -Be 'made by a test'
    }
    It 'New-MsolGroup without a display name fails with RequiredPropertyNotSetException and creates nothing' {
        $before = @(Get-MsolGroup -All).Count
        { New-MsolGroup -Description 'no name' -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.RequiredPropertyNotSetException,Microsoft.Online.Administration.Automation.NewGroup'
        @(Get-MsolGroup -All).Count | Should -Be $before
    }
    It 'New-MsolGroup with -WhatIf creates nothing' {
        New-MsolGroup -DisplayName 'Pester WhatIf' -WhatIf
        Get-MsolGroup -SearchString 'Pester WhatIf' | Should -BeNullOrEmpty
    }
    It 'Set-MsolGroup changes the description, and an empty one clears it' {
        $group = New-MsolGroup -DisplayName 'Pester Set'
        Set-MsolGroup -ObjectId $group.ObjectId -Description 'first'
        (Get-MsolGroup -ObjectId $group.ObjectId).Description | Should -Be 'first'
        ((Set-MsolGroup -ObjectId $group.ObjectId -Description '' -Verbose 4>&1) -join ' ') | Should -Match 'changed Description'
        (Get-MsolGroup -ObjectId $group.ObjectId).Description | Should -BeNullOrEmpty
        ((Set-MsolGroup -ObjectId $group.ObjectId -DisplayName 'Pester Set' -Verbose 4>&1) -join ' ') | Should -Match 'nothing to change'
    }
    It 'Set-MsolGroup refuses a distribution list, naming Exchange Online' {
        $list = Get-MsolGroup -GroupType DistributionList | Select-Object -First 1
        { Set-MsolGroup -ObjectId $list.ObjectId -Description 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyNotSettableException,Microsoft.Online.Administration.Automation.SetGroup' -ExpectedMessage '*Exchange Online*'
    }
    It 'a missing group is GroupNotFoundException' {
        { Set-MsolGroup -ObjectId ([guid]::NewGuid()) -Description 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.GroupNotFoundException,Microsoft.Online.Administration.Automation.SetGroup'
    }
    It 'adds piped users, refuses a second add, and removes piped members' {
        $group = New-MsolGroup -DisplayName 'Pester Members'
        $users = Get-MsolUser -MaxResults 5 -WarningAction SilentlyContinue
        $users | Add-MsolGroupMember -GroupObjectId $group.ObjectId
        $members = Get-MsolGroupMember -GroupObjectId $group.ObjectId -All
        @($members).Count | Should -Be 5
        { Add-MsolGroupMember -GroupObjectId $group.ObjectId -GroupMemberObjectId $users[0].ObjectId -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.GroupMemberAlreadyExistsException,Microsoft.Online.Administration.Automation.AddGroupMember'
        $members | Remove-MsolGroupMember -GroupObjectId $group.ObjectId
        Get-MsolGroupMember -GroupObjectId $group.ObjectId -All | Should -BeNullOrEmpty
        { Remove-MsolGroupMember -GroupObjectId $group.ObjectId -GroupMemberObjectId $users[0].ObjectId -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.GroupMemberNotFoundException,Microsoft.Online.Administration.Automation.RemoveGroupMember'
    }
    It 'a piped failure is that object''s error, and the others are still added' {
        $group = New-MsolGroup -DisplayName 'Pester Partial'
        $real = Get-MsolUser -MaxResults 2 -WarningAction SilentlyContinue
        $ids = @($real[0].ObjectId, [guid]::NewGuid(), $real[1].ObjectId)
        $ids | ForEach-Object { [pscustomobject]@{ GroupMemberObjectId = $_ } } | Add-MsolGroupMember -GroupObjectId $group.ObjectId -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Microsoft.Online.Administration.Automation.UserNotFoundException,*'
        @(Get-MsolGroupMember -GroupObjectId $group.ObjectId -All).Count | Should -Be 2
    }
    It 'GroupMemberType accepts User and Group only, naming them' {
        $group = New-MsolGroup -DisplayName 'Pester Types'
        { Add-MsolGroupMember -GroupObjectId $group.ObjectId -GroupMemberType Contact -GroupMemberObjectId $ben.ObjectId -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Allowed values: User, Group*'
    }
    It 'Add-MsolGroupMember -WhatIf adds nothing' {
        $group = New-MsolGroup -DisplayName 'Pester WhatIf Members'
        Add-MsolGroupMember -GroupObjectId $group.ObjectId -GroupMemberObjectId $ben.ObjectId -WhatIf
        Get-MsolGroupMember -GroupObjectId $group.ObjectId | Should -BeNullOrEmpty
    }
    It 'Remove-MsolGroup -Force deletes the group and its place in other groups' {
        $outer = New-MsolGroup -DisplayName 'Pester Outer'
        $inner = New-MsolGroup -DisplayName 'Pester Inner'
        Add-MsolGroupMember -GroupObjectId $outer.ObjectId -GroupMemberType Group -GroupMemberObjectId $inner.ObjectId
        (Get-MsolGroupMember -GroupObjectId $outer.ObjectId).GroupMemberType | Should -Be 'Group'
        Remove-MsolGroup -ObjectId $inner.ObjectId -Force
        { Get-MsolGroup -ObjectId $inner.ObjectId -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.GroupNotFoundException,*'
        Get-MsolGroupMember -GroupObjectId $outer.ObjectId | Should -BeNullOrEmpty
    }
    It 'Remove-MsolGroup -WhatIf keeps the group; without -Force in a session that cannot ask it says how to go on' {
        $group = New-MsolGroup -DisplayName 'Pester Keep'
        Remove-MsolGroup -ObjectId $group.ObjectId -WhatIf
        Get-MsolGroup -ObjectId $group.ObjectId | Should -Not -BeNullOrEmpty
        $script = "Import-Module MSOnline; Connect-MsolService -LocalTenant '$tenant' -WarningAction SilentlyContinue; try { Remove-MsolGroup -ObjectId $($group.ObjectId) -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $output = & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }
        ($output -join ' ') | Should -Match 'ConfirmationNotPossible'
        ($output -join ' ') | Should -Match '-Force'
        Get-MsolGroup -ObjectId $group.ObjectId | Should -Not -BeNullOrEmpty
    }
}

Describe 'Directory synchronization' {
    BeforeAll {
        # A tenant of its own: turning synchronization off changes every synchronized user.
        $dirSyncTenant = Connect-TestTenant
        $company = Get-MsolCompanyInformation
        $syncedCount = @(Get-MsolUser -All -Synchronized).Count
    }
    AfterAll {
        Connect-MsolService -LocalTenant $tenant
    }
    It 'the demo company synchronizes from Active Directory' {
        $company.DirectorySynchronizationEnabled | Should -BeTrue
        $company.DirectorySynchronizationStatus | Should -Be ([Microsoft.Online.Administration.DirectorySynchronizationStatus]::Enabled)
        $syncedCount | Should -BeGreaterThan 0
    }
    It 'EnableDirSync is mandatory and a Boolean; Force and WhatIf are offered' {
        $command = Get-Command Set-MsolDirSyncEnabled
        $command.Parameters['EnableDirSync'].ParameterType | Should -Be ([bool])
        $command.Parameters['EnableDirSync'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -BeTrue
        $command.Parameters.Keys | Should -Contain 'Force'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        { Set-MsolDirSyncEnabled -EnableDirSync 'maybe' -Force -ErrorAction Stop } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
    It '-WhatIf turns nothing off' {
        Set-MsolDirSyncEnabled -EnableDirSync $false -WhatIf
        (Get-MsolCompanyInformation).DirectorySynchronizationEnabled | Should -BeTrue
        @(Get-MsolUser -All -Synchronized).Count | Should -Be $syncedCount
    }
    It 'without -Force in a session that cannot ask, it says how to go on and changes nothing' {
        $script = "Import-Module MSOnline; Connect-MsolService -LocalTenant '$dirSyncTenant' -WarningAction SilentlyContinue; try { Set-MsolDirSyncEnabled -EnableDirSync `$false -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $output = (& (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }) -join ' '
        $output | Should -Match 'ConfirmationNotPossible,Microsoft.Online.Administration.Automation.SetDirSyncEnabled'
        $output | Should -Match 'turns off directory synchronization'
        $output | Should -Match '-Force'
        (Get-MsolCompanyInformation).DirectorySynchronizationEnabled | Should -BeTrue
    }
    It 'turning it on while on changes nothing' {
        $verbose = Set-MsolDirSyncEnabled -EnableDirSync $true -Force -Verbose 4>&1
        "$verbose" | Should -Match 'nothing to change'
    }
    It 'turns off with -Force from a piped TenantId, and synchronized users become cloud-only' {
        $verbose = [pscustomobject]@{ TenantId = $company.ObjectId } | Set-MsolDirSyncEnabled -EnableDirSync $false -Force -Verbose 4>&1
        "$verbose" | Should -Match 'changed DirectorySynchronizationEnabled'
        $after = Get-MsolCompanyInformation
        $after.DirectorySynchronizationEnabled | Should -BeFalse
        $after.DirectorySynchronizationStatus | Should -Be 'Disabled'
        Get-MsolUser -All -Synchronized | Should -BeNullOrEmpty
        $henrietta = Get-MsolUser -UserPrincipalName 'henrietta.mueller@contoso.com'
        $henrietta.LastDirSyncTime | Should -BeNullOrEmpty
        $henrietta.ImmutableId | Should -Not -BeNullOrEmpty
        Set-MsolUser -UserPrincipalName 'henrietta.mueller@contoso.com' -Department 'Cloud only'
        (Get-MsolUser -UserPrincipalName 'henrietta.mueller@contoso.com').Department | Should -Be 'Cloud only'
    }
    It 'turning it back on within 72 hours is DirSyncStatusChangeNotAllowedException, and it stays off' {
        $failure = $null
        try { Set-MsolDirSyncEnabled -EnableDirSync $true -Force -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.DirSyncStatusChangeNotAllowedException,Microsoft.Online.Administration.Automation.SetDirSyncEnabled'
        $failure.Exception | Should -BeOfType ([Microsoft.Online.Administration.Automation.MicrosoftOnlineException])
        $failure.Exception.Message | Should -Match '72 hours'
        $failure.CategoryInfo.Category | Should -Be 'OperationStopped'
        (Get-MsolCompanyInformation).DirectorySynchronizationEnabled | Should -BeFalse
    }
}

Describe 'Subscriptions' {
    BeforeAll {
        $subscriptions = @(Get-MsolSubscription)
    }
    It 'lists the subscription behind each licence, with its status, licences and dates' {
        $subscriptions.Count | Should -Be 4
        $subscriptions[0] | Should -BeOfType ([Microsoft.Online.Administration.Subscription])
        foreach ($sku in Get-MsolAccountSku) {
            $own = @($subscriptions | Where-Object SkuId -eq $sku.SkuId)
            @($own.ObjectId) | Should -Be @($sku.SubscriptionIds)
            ($own | Measure-Object TotalLicenses -Sum).Sum | Should -Be $sku.ActiveUnits
        }
        $subscriptions[0].Status | Should -Be ([Microsoft.Online.Administration.SubscriptionStatus]::Enabled)
        $subscriptions[0].DateCreated | Should -BeOfType ([datetime])
        $subscriptions[0].ServiceStatus[0].ServicePlan.ServiceName | Should -Not -BeNullOrEmpty
    }
    It 'shows the trial that ends soon' {
        $ems = $subscriptions | Where-Object SkuPartNumber -eq 'EMS'
        $ems.IsTrial | Should -BeTrue
        $ems.NextLifecycleDate | Should -BeGreaterThan $ems.DateCreated
    }
    It 'gets one by SubscriptionId, also from piped objects' {
        $first = $subscriptions[0]
        (Get-MsolSubscription -SubscriptionId $first.ObjectId).SkuPartNumber | Should -Be $first.SkuPartNumber
        $piped = @($subscriptions | Select-Object -First 2 | ForEach-Object { [pscustomobject]@{ SubscriptionId = $_.ObjectId } } | Get-MsolSubscription)
        $piped.Count | Should -Be 2
        (Get-Command Get-MsolSubscription).ParameterSets.Name | Should -Be @('ListSubscriptions__0', 'GetSubscription__0')
    }
    It 'an unknown SubscriptionId is SubscriptionNotFoundException' {
        $failure = $null
        try { Get-MsolSubscription -SubscriptionId ([guid]::NewGuid()) -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.SubscriptionNotFoundException,Microsoft.Online.Administration.Automation.GetSubscription'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Get-MsolSubscription -SubscriptionId 'not-a-guid' -ErrorAction Stop } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
}

Describe 'Service principals' {
    BeforeAll {
        $exchangeApp = [guid]'00000002-0000-0ff1-ce00-000000000000'
        $certificate = (Get-Content (Join-Path (Split-Path $PSScriptRoot) 'fixtures/service-principal.cer.b64') -Raw).Trim()
    }
    It 'lists service principals and finds one by each parameter set' {
        (Get-Command Get-MsolServicePrincipal).ParameterSets.Name | Should -Be @('ListServicePrincipals__0', 'GetServicePrincipal__0', 'GetServicePrincipalByAppPrincipalId__0', 'GetServicePrincipalBySpn__0', 'All__0')
        $all = @(Get-MsolServicePrincipal -All)
        $all.Count | Should -BeGreaterOrEqual 4
        $all[0] | Should -BeOfType ([Microsoft.Online.Administration.ServicePrincipal])
        $exchange = Get-MsolServicePrincipal -AppPrincipalId $exchangeApp
        $exchange.DisplayName | Should -Be 'Office 365 Exchange Online'
        $exchange.AccountEnabled | Should -BeTrue
        $exchange.ServicePrincipalNames | Should -Contain 'https://outlook.office365.com/'
        (Get-MsolServicePrincipal -ObjectId $exchange.ObjectId).AppPrincipalId | Should -Be $exchangeApp
        (Get-MsolServicePrincipal -ServicePrincipalName $exchangeApp.ToString()).ObjectId | Should -Be $exchange.ObjectId
        @(Get-MsolServicePrincipal -SearchString 'Office 365').Count | Should -Be 2
        (Get-MsolServicePrincipal -SearchString 'Contoso Provisioning').Addresses[0].Address | Should -Be 'https://provisioning.contoso.com/signin'
        @(Get-MsolServicePrincipal -MaxResults 1 -WarningAction SilentlyContinue).Count | Should -Be 1
    }
    It 'an unknown one is ServicePrincipalNotFoundException' {
        $failure = $null
        try { Get-MsolServicePrincipal -AppPrincipalId ([guid]::NewGuid()) -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.ServicePrincipalNotFoundException,Microsoft.Online.Administration.Automation.GetServicePrincipal'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
    It '-WhatIf adds no credential' {
        New-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -Type Asymmetric -Value $certificate -WhatIf
        @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $false).Count | Should -Be 0
    }
    It 'registers a certificate, as hybrid Exchange scripts do, and reads it back' {
        $verbose = New-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -Type asymmetric -Usage Verify -Value $certificate -Verbose 4>&1
        "$verbose" | Should -Match 'changed Credentials'
        $keys = @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $true)
        $keys.Count | Should -Be 1
        $keys[0] | Should -BeOfType ([Microsoft.Online.Administration.ServicePrincipalCredential])
        $keys[0].Type | Should -Be ([Microsoft.Online.Administration.ServicePrincipalCredentialType]::Asymmetric)
        $keys[0].Usage | Should -Be 'Verify'
        $keys[0].Value | Should -Be $certificate
        $keys[0].EndDate | Should -BeGreaterThan $keys[0].StartDate
        (Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $false)[0].Value | Should -BeNullOrEmpty
    }
    It 'takes the service principal and the key from piped objects' {
        $exchange = Get-MsolServicePrincipal -AppPrincipalId $exchangeApp
        [pscustomobject]@{ ObjectId = $exchange.ObjectId; Type = 'Password'; Value = 'Service-Secret-4711' } | New-MsolServicePrincipalCredential
        $exchange | Get-MsolServicePrincipalCredential -ReturnKeyValues $true | Where-Object Type -eq 'Password' | ForEach-Object { $_.Value } | Should -BeNullOrEmpty
        @(Get-MsolServicePrincipalCredential -ObjectId $exchange.ObjectId -ReturnKeyValues $false).Count | Should -Be 2
    }
    It 'refuses a key outside the certificate''s validity, a signing certificate and a bad type, naming the field' {
        $failure = $null
        try { New-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -Type Asymmetric -Value $certificate -EndDate ([datetime]'2125-06-01') -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.NewServicePrincipalCredential'
        $failure.Exception.Message | Should -Match 'EndDate'
        { New-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -Type Asymmetric -Usage Sign -Value $certificate -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Usage*'
        { New-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -Type Certificate -ErrorAction Stop } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $false).Count | Should -Be 2
    }
    It 'removes keys by KeyId, and refuses a KeyId the principal does not hold' {
        $keys = @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $false)
        $keys.Count | Should -Be 2
        (Get-Command Remove-MsolServicePrincipalCredential).ParameterSets.Name | Sort-Object | Should -Be @('RemoveServicePrincipalCredentials__0', 'RemoveServicePrincipalCredentialsByAppPrincipalId__0', 'RemoveServicePrincipalCredentialsBySpn__0')
        Remove-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -KeyIds $keys[0].KeyId -WhatIf
        @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $false).Count | Should -Be 2
        $failure = $null
        try { Remove-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -KeyIds ([guid]::NewGuid()) -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.RemoveServicePrincipalCredential'
        $failure.Exception.Message | Should -Match ([regex]::Escape($keys[0].KeyId.ToString()))
        "$(Remove-MsolServicePrincipalCredential -ServicePrincipalName $exchangeApp.ToString() -KeyIds $keys[0].KeyId -Verbose 4>&1)" | Should -Match 'changed Credentials'
        (Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $false).KeyId | Should -Be $keys[1].KeyId
        [pscustomobject]@{ AppPrincipalId = $exchangeApp; KeyIds = @($keys[1].KeyId) } | Remove-MsolServicePrincipalCredential
        @(Get-MsolServicePrincipalCredential -AppPrincipalId $exchangeApp -ReturnKeyValues $false).Count | Should -Be 0
    }
}

Describe 'Service principal lifecycle' {
    BeforeAll {
        $certificate = (Get-Content (Join-Path (Split-Path $PSScriptRoot) 'fixtures/service-principal.cer.b64') -Raw).Trim()
    }
    It 'New-MsolServicePrincipal adds one with its names, addresses and certificate' {
        $reply = New-MsolServicePrincipalAddresses -Address 'https://lob.contoso.com/signin'
        $reply | Should -BeOfType ([Microsoft.Online.Administration.RedirectUri])
        $reply.AddressType | Should -Be ([Microsoft.Online.Administration.AddressType]::Reply)
        $created = New-MsolServicePrincipal -DisplayName 'Pester LOB' -ServicePrincipalNames @('PesterLob/lob.contoso.com') -Addresses @($reply) -Type Asymmetric -Value $certificate
        $created | Should -BeOfType ([Microsoft.Online.Administration.ServicePrincipalExtended])
        $created.ServicePrincipalNames | Should -Contain 'PesterLob/lob.contoso.com'
        $created.ServicePrincipalNames | Should -Contain $created.AppPrincipalId.ToString()
        $created.Addresses[0].Address | Should -Be 'https://lob.contoso.com/signin'
        $created.Credentials[0].Type | Should -Be ([Microsoft.Online.Administration.ServicePrincipalCredentialType]::Asymmetric)
        (Get-MsolServicePrincipal -ServicePrincipalName 'PesterLob').ObjectId | Should -Be $created.ObjectId
    }
    It 'New-MsolServicePrincipal keeps MSOnline''s default symmetric key without its value' {
        $created = New-MsolServicePrincipal -DisplayName 'Pester Default Key'
        $created.Credentials[0].Type | Should -Be ([Microsoft.Online.Administration.ServicePrincipalCredentialType]::Symmetric)
        $created.Credentials[0].Value | Should -BeNullOrEmpty
        Remove-MsolServicePrincipal -ObjectId $created.ObjectId
    }
    It 'refuses a name another holds, an address that is not a reply address, and -WhatIf adds nothing' {
        { New-MsolServicePrincipal -DisplayName 'Copy' -ServicePrincipalNames @('PESTERLOB/lob.contoso.com') -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.UniquenessValidationException,Microsoft.Online.Administration.Automation.NewServicePrincipal'
        $realm = New-MsolServicePrincipalAddresses -Value 'urn:pester' -AddressType Realm
        { New-MsolServicePrincipal -DisplayName 'Realm' -Addresses @($realm) -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.NewServicePrincipal'
        New-MsolServicePrincipal -DisplayName 'Pester WhatIf' -WhatIf
        Get-MsolServicePrincipal -SearchString 'Pester WhatIf' | Should -BeNullOrEmpty
    }
    It 'Set-MsolServicePrincipal replaces names and addresses, writing only real changes' {
        $lob = Get-MsolServicePrincipal -ServicePrincipalName 'PesterLob'
        $addresses = @($lob.Addresses) + (New-MsolServicePrincipalAddresses -Address 'https://lob2.contoso.com')
        Set-MsolServicePrincipal -AppPrincipalId $lob.AppPrincipalId -DisplayName 'Pester LOB 2' -Addresses $addresses
        $read = Get-MsolServicePrincipal -ObjectId $lob.ObjectId
        $read.DisplayName | Should -Be 'Pester LOB 2'
        $read.Addresses.Address | Should -Be @('https://lob.contoso.com/signin', 'https://lob2.contoso.com')
        ((Set-MsolServicePrincipal -ObjectId $lob.ObjectId -DisplayName 'Pester LOB 2' -Verbose 4>&1) -join ' ') | Should -Match 'nothing to change'
        Set-MsolServicePrincipal -ObjectId $lob.ObjectId -ServicePrincipalNames @()
        (Get-MsolServicePrincipal -ObjectId $lob.ObjectId).ServicePrincipalNames | Should -Be @($lob.AppPrincipalId.ToString())
    }
    It 'Remove-MsolServicePrincipal takes piped principals; -WhatIf keeps them' {
        $lob = Get-MsolServicePrincipal -SearchString 'Pester LOB 2'
        $lob | Remove-MsolServicePrincipal -WhatIf
        Get-MsolServicePrincipal -ObjectId $lob.ObjectId | Should -Not -BeNullOrEmpty
        $lob | Remove-MsolServicePrincipal
        { Get-MsolServicePrincipal -ObjectId $lob.ObjectId -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.ServicePrincipalNotFoundException,*'
    }
}

Describe 'Contacts' {
    It 'lists contacts and finds them by each parameter set' {
        (Get-Command Get-MsolContact).ParameterSets.Name | Sort-Object | Should -Be @('All__0', 'GetContact__0', 'ListContacts__0')
        $all = @(Get-MsolContact -All)
        $all.DisplayName | Should -Be @('Ana Souza', 'Ben Walters', 'Carla Reyes', 'Fabrikam Support')
        $all[0] | Should -BeOfType ([Microsoft.Online.Administration.Contact])
        $all[0].EmailAddress | Should -Be 'ana.souza@fabrikam.com'
        $all[0].ProxyAddresses | Should -Contain 'SMTP:ana.souza@fabrikam.com'
        $all[0].ValidationStatus | Should -Be ([Microsoft.Online.Administration.ValidationStatus]::Healthy)
        (Get-MsolContact -SearchString 'support@').DisplayName | Should -Be 'Fabrikam Support'
        (Get-MsolContact -SearchString 'BEN').DisplayName | Should -Be 'Ben Walters'
        @(Get-MsolContact -MaxResults 2 -WarningAction SilentlyContinue).Count | Should -Be 2
        (Get-MsolContact -ObjectId $all[1].ObjectId).EmailAddress | Should -Be 'ben.walters@tailspintoys.com'
    }
    It '-HasErrorsOnly keeps the contacts with validation errors' {
        $errors = @(Get-MsolContact -HasErrorsOnly)
        $errors.DisplayName | Should -Be 'Carla Reyes'
        $errors[0].ValidationStatus | Should -Be 'Error'
        $errors[0].Errors[0].ErrorDetail | Should -Match 'already being used'
        $errors[0].LastDirSyncTime | Should -BeOfType ([datetime])
    }
    It 'takes ObjectId from piped group members' {
        $sales = Get-MsolGroup -SearchString 'Sales Team'
        $contacts = @(Get-MsolGroupMember -GroupObjectId $sales.ObjectId -MemberObjectTypes Contact -All | Get-MsolContact)
        ($contacts.DisplayName | Sort-Object) | Should -Be @('Ana Souza', 'Fabrikam Support')
    }
    It 'shows a table of addresses and names' {
        $table = Get-MsolContact -SearchString 'Ana' | Out-String
        $table | Should -Match 'EmailAddress\s+DisplayName'
        $table | Should -Match 'ana.souza@fabrikam.com\s+Ana Souza'
    }
    It 'an unknown one is ContactNotFoundException' {
        $failure = $null
        try { Get-MsolContact -ObjectId ([guid]::NewGuid()) -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.ContactNotFoundException,Microsoft.Online.Administration.Automation.GetContact'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Devices' {
    It 'lists devices and finds them by each parameter set' {
        (Get-Command Get-MsolDevice).ParameterSets.Name | Sort-Object | Should -Be @('GetDeviceAll', 'GetDeviceByDeviceId', 'GetDeviceByDeviceName', 'GetDeviceByLogonTimestamp', 'GetDeviceByObjectId', 'GetDeviceByRegisteredOwner')
        $all = @(Get-MsolDevice -All)
        $all.DisplayName | Should -Be @('DESKTOP-HR-042', 'DESKTOP-HR-051', 'Galaxy-S21-ADELE', 'KIOSK-LOBBY', 'LAPTOP-MEGAN01', 'LAPTOP-OLD-007', "Lee's iPhone")
        $all[0] | Should -BeOfType ([Microsoft.Online.Administration.Device])
        $all[0].DeviceTrustType | Should -Be 'Domain Joined'
        $all[0].RegisteredOwners.Count | Should -Be 0
        @(Get-MsolDevice -All -IncludeSystemManagedDevices).DisplayName | Should -Contain 'AUTOPILOT-5CG1234'
        $iphone = Get-MsolDevice -Name "LEE'S IPHONE"
        $iphone.DeviceTrustType | Should -Be 'Workplace Joined'
        $iphone.AccountEnabled | Should -Be $iphone.Enabled
        $iphone.ApproximateLastLogonTimestamp | Should -BeOfType ([datetime])
        (Get-MsolDevice -DeviceId $iphone.DeviceId).ObjectId | Should -Be $iphone.ObjectId
        (Get-MsolDevice -ObjectId $iphone.ObjectId).DeviceId | Should -Be $iphone.DeviceId
        $megan = Get-MsolDevice -RegisteredOwnerUpn 'megan.bowen@contoso.com'
        $megan.DisplayName | Should -Be 'LAPTOP-MEGAN01'
        $megan.RegisteredOwners | Should -Be @('megan.bowen@contoso.com')
        (@(Get-MsolDevice -All -ReturnRegisteredOwners) | Where-Object DisplayName -eq 'Galaxy-S21-ADELE').RegisteredOwners | Should -Be @('adele.vance@contoso.com')
    }
    It '-LogonTimeBefore finds stale devices, in UTC, and -All leaves out system-managed ones' {
        @(Get-MsolDevice -All -LogonTimeBefore '2025-10-01').DisplayName | Should -Be @('Galaxy-S21-ADELE', 'KIOSK-LOBBY', 'LAPTOP-OLD-007')
        @(Get-MsolDevice -LogonTimeBefore '2025-10-01').DisplayName | Should -Contain 'AUTOPILOT-5CG1234'
        @([datetime]'2025-12-22' | Get-MsolDevice).DisplayName | Should -Contain 'LAPTOP-OLD-007'
    }
    It 'tells hybrid-joined devices from pending ones as Microsoft''s hybrid-join guide does' {
        $hybrid = @(Get-MsolDevice -All -IncludeSystemManagedDevices | Where-Object { $_.DeviceTrustType -eq 'Domain Joined' })
        @($hybrid | Where-Object { ([string]($_.AlternativeSecurityIds)).StartsWith('X509:') }).DisplayName | Should -Be 'DESKTOP-HR-042'
        @($hybrid | Where-Object { -not ([string]($_.AlternativeSecurityIds)).StartsWith('X509:') }).DisplayName | Should -Be 'DESKTOP-HR-051'
        $hybrid[0].DirSyncEnabled | Should -Be $true
        $hybrid[0].LastDirSyncTime | Should -BeOfType ([datetime])
    }
    It 'disables and enables piped devices, changing only what differs' {
        Get-MsolDevice -Name 'LAPTOP-MEGAN01' | Disable-MsolDevice -Force
        (Get-MsolDevice -Name 'LAPTOP-MEGAN01').Enabled | Should -Be $false
        ((Get-MsolDevice -Name 'LAPTOP-MEGAN01' | Disable-MsolDevice -Force -Verbose 4>&1) -join ' ') | Should -Match 'nothing to change'
        $laptop = Get-MsolDevice -Name 'LAPTOP-MEGAN01'
        Enable-MsolDevice -ObjectId $laptop.ObjectId -Force
        (Get-MsolDevice -Name 'LAPTOP-MEGAN01').Enabled | Should -Be $true
    }
    It '-WhatIf changes nothing; without -Force a session that cannot ask says how to go on' {
        $kiosk = Get-MsolDevice -Name 'KIOSK-LOBBY'
        Remove-MsolDevice -DeviceId $kiosk.DeviceId -WhatIf
        Disable-MsolDevice -DeviceId $kiosk.DeviceId -WhatIf
        (Get-MsolDevice -DeviceId $kiosk.DeviceId).Enabled | Should -Be $true
        $script = "Import-Module MSOnline; Connect-MsolService -LocalTenant '$tenant' -WarningAction SilentlyContinue; try { Disable-MsolDevice -DeviceId $($kiosk.DeviceId) -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }"
        $output = & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }
        ($output -join ' ') | Should -Match 'ConfirmationNotPossible,Microsoft.Online.Administration.Automation.DisableDevice'
        (Get-MsolDevice -DeviceId $kiosk.DeviceId).Enabled | Should -Be $true
    }
    It 'removes a device, after which it is DeviceNotFoundException' {
        $kiosk = Get-MsolDevice -Name 'KIOSK-LOBBY'
        Remove-MsolDevice -DeviceId $kiosk.DeviceId -Force
        $failure = $null
        try { Get-MsolDevice -DeviceId $kiosk.DeviceId -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.DeviceNotFoundException,Microsoft.Online.Administration.Automation.GetDevice'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Enable-MsolDevice -ObjectId $kiosk.ObjectId -Force -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.DeviceNotFoundException,Microsoft.Online.Administration.Automation.EnableDevice'
    }
    It 'shows a table of names, states, systems and trust types' {
        $table = Get-MsolDevice -Name 'LAPTOP-MEGAN01' | Out-String
        $table | Should -Match 'DisplayName\s+Enabled\s+DeviceOsType\s+DeviceTrustType'
        $table | Should -Match 'LAPTOP-MEGAN01\s+True\s+Windows\s+AzureAD Joined'
    }
}

Describe 'Administrative units' {
    It 'keeps MSOnline''s parameter sets and lists units, a user''s units and one unit' {
        (Get-Command Get-MsolAdministrativeUnit).ParameterSets.Name | Sort-Object | Should -Be @('All__0', 'GetAdministrativeUnit__0', 'ListAdministrativeUnits__0')
        (Get-Command Get-MsolAdministrativeUnit).DefaultParameterSet | Should -Be 'ListAdministrativeUnits__0'
        (Get-Command Get-MsolScopedRoleMember).ParameterSets.Name | Sort-Object | Should -Be @('All__0', 'ListRoleScopedMembers__0')
        $units = @(Get-MsolAdministrativeUnit)
        $units.DisplayName | Should -Be @('East Coast', 'West Coast')
        $units[0] | Should -BeOfType ([Microsoft.Online.Administration.AdministrativeUnit])
        $west = Get-MsolAdministrativeUnit -SearchString 'west'
        $west.Description | Should -Be 'West Coast region'
        (Get-MsolAdministrativeUnit -UserPrincipalName 'lee.gu@contoso.com').DisplayName | Should -Be 'West Coast'
        ($west | Get-MsolAdministrativeUnit).DisplayName | Should -Be 'West Coast'
        (Get-MsolAdministrativeUnit | Out-String) | Should -Match 'ObjectId\s+DisplayName\s+Description'
    }
    It 'lists a unit''s users, group and device with their types' {
        $west = Get-MsolAdministrativeUnit -SearchString 'West Coast'
        $members = @(Get-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $west.ObjectId)
        $members[0] | Should -BeOfType ([Microsoft.Online.Administration.AdministrativeUnitMember])
        @($members | ForEach-Object { "$($_.AdministrativeUnitMemberType):$($_.DisplayName)" }) | Should -Be @('Device:LAPTOP-MEGAN01', 'User:Lee Gu', 'User:Megan Bowen', 'Group:Sales Team')
        ($members | Where-Object DisplayName -eq 'Lee Gu').EmailAddress | Should -Be 'lee.gu@contoso.com'
        (Get-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $west.ObjectId | Out-String) | Should -Match 'AdministrativeUnitMemberType\s+EmailAddress\s+DisplayName'
    }
    It 'creates, changes, fills and removes a unit, with -WhatIf changing nothing' {
        New-MsolAdministrativeUnit -DisplayName 'Pester Unit' -WhatIf
        Get-MsolAdministrativeUnit -SearchString 'Pester' | Should -BeNullOrEmpty
        $unit = New-MsolAdministrativeUnit -DisplayName 'Pester Unit' -Description 'For tests'
        $unit | Should -BeOfType ([Microsoft.Online.Administration.AdministrativeUnit])
        Set-MsolAdministrativeUnit -ObjectId $unit.ObjectId -Description ''
        (Get-MsolAdministrativeUnit -ObjectId $unit.ObjectId).Description | Should -BeNullOrEmpty
        Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com' | Add-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId
        Get-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com' | Add-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -WhatIf
        @(Get-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId).EmailAddress | Should -Be @('grady.archie@contoso.com')
        { Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com' | Add-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.AdministrativeUnitMemberAlreadyExistsException,Microsoft.Online.Administration.Automation.AddAdministrativeUnitMember'
        $grady = Get-MsolUser -UserPrincipalName 'grady.archie@contoso.com'
        Remove-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -AdministrativeUnitMemberObjectId $grady.ObjectId
        { Remove-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -AdministrativeUnitMemberObjectId $grady.ObjectId -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.AdministrativeUnitMemberNotFoundException,Microsoft.Online.Administration.Automation.RemoveAdministrativeUnitMember'
        Remove-MsolAdministrativeUnit -ObjectId $unit.ObjectId -WhatIf
        (Get-MsolAdministrativeUnit -ObjectId $unit.ObjectId).DisplayName | Should -Be 'Pester Unit'
        Remove-MsolAdministrativeUnit -ObjectId $unit.ObjectId -Force
        $failure = $null
        try { Get-MsolAdministrativeUnit -ObjectId $unit.ObjectId -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.AdministrativeUnitNotFoundException,Microsoft.Online.Administration.Automation.GetAdministrativeUnit'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
    It 'refuses a unit without a display name, naming the field' {
        $failure = $null
        try { New-MsolAdministrativeUnit -Description 'nameless' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.RequiredPropertyNotSetException,Microsoft.Online.Administration.Automation.NewAdministrativeUnit'
        $failure.Exception.Message | Should -Match 'DisplayName'
    }
    It 'scopes a role to a unit, refuses a role that cannot be scoped, and takes assignments from the pipeline' {
        $east = Get-MsolAdministrativeUnit -SearchString 'East Coast'
        $uaa = Get-MsolRole -RoleName 'User Account Administrator'
        Add-MsolScopedRoleMember -RoleObjectId $uaa.ObjectId -AdministrativeUnitObjectId $east.ObjectId -RoleMemberUserPrincipalName 'diego.siciliani@contoso.com' -WhatIf
        Get-MsolScopedRoleMember -AdministrativeUnitObjectId $east.ObjectId | Should -BeNullOrEmpty
        Add-MsolScopedRoleMember -RoleObjectId $uaa.ObjectId -AdministrativeUnitObjectId $east.ObjectId -RoleMemberUserPrincipalName 'diego.siciliani@contoso.com'
        $scoped = Get-MsolScopedRoleMember -AdministrativeUnitObjectId $east.ObjectId -RoleObjectId $uaa.ObjectId
        $scoped | Should -BeOfType ([Microsoft.Online.Administration.RoleScopedMember])
        $scoped.UserPrincipalName | Should -Be 'diego.siciliani@contoso.com'
        $scoped.RoleObjectId | Should -Be $uaa.ObjectId
        ($scoped | Out-String) | Should -Match 'UserPrincipalName\s+DisplayName\s+ObjectId'
        { Add-MsolScopedRoleMember -RoleObjectId $uaa.ObjectId -AdministrativeUnitObjectId $east.ObjectId -RoleMemberUserPrincipalName 'diego.siciliani@contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.RoleMemberAlreadyExistsException,Microsoft.Online.Administration.Automation.AddScopedRoleMember'
        $admins = Get-MsolRole -RoleName 'Company Administrator'
        $failure = $null
        try { Add-MsolScopedRoleMember -RoleObjectId $admins.ObjectId -AdministrativeUnitObjectId $east.ObjectId -RoleMemberUserPrincipalName 'diego.siciliani@contoso.com' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.AddScopedRoleMember'
        $failure.Exception.Message | Should -Match 'Helpdesk Administrator'
        @(Get-MsolScopedRoleMember).Count | Should -Be 2
        Get-MsolScopedRoleMember -AdministrativeUnitObjectId $east.ObjectId | Remove-MsolScopedRoleMember
        Get-MsolScopedRoleMember -AdministrativeUnitObjectId $east.ObjectId | Should -BeNullOrEmpty
        { Remove-MsolScopedRoleMember -RoleObjectId $uaa.ObjectId -AdministrativeUnitObjectId $east.ObjectId -RoleMemberUserPrincipalName 'diego.siciliani@contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.RoleMemberNotFoundException,Microsoft.Online.Administration.Automation.RemoveScopedRoleMember'
    }
}

Describe 'Directory settings' {
    It 'lists the templates and makes Settings objects from them' {
        (Get-Command New-MsolSettings).ParameterSets.Name | Sort-Object | Should -Be @('None', 'Scope')
        (Get-Command Get-MsolSettings).DefaultParameterSet | Should -Be 'None'
        @(Get-MsolAllSettingTemplate).DisplayName | Should -Be @('Group.Unified', 'Group.Unified.Guest')
        $template = Get-MsolSettingTemplate -TemplateId '62375ab9-6b52-47ed-826b-58e47e0e304b'
        $template | Should -BeOfType ([Microsoft.Online.Administration.SettingTemplate])
        $template.Values.Count | Should -Be 15
        ($template | Out-String) | Should -Match 'Id\s+DisplayName\s+Description'
        $settings = $template.CreateSettingsObject()
        $settings | Should -BeOfType ([Microsoft.Online.Administration.Settings])
        $settings['EnableGroupCreation'] | Should -Be 'true'
        $settings['enablegroupcreation'] = $false
        $settings['EnableGroupCreation'] | Should -Be 'False'
    }
    It 'reads, changes and refuses the tenant''s setting, naming what is wrong' {
        $setting = @(Get-MsolAllSettings)
        $setting.Count | Should -Be 1
        $setting[0]['ClassificationList'] | Should -Be 'Public,Internal,Confidential'
        $value = $setting[0].GetSettingsValue()
        $value | Should -BeOfType ([Microsoft.Online.Administration.SettingsValue])
        $value['AllowToAddGuests'] = $false
        Set-MsolSettings -SettingId $setting[0].Id -SettingsValue $value -WhatIf
        (Get-MsolSettings -SettingId $setting[0].Id)['AllowToAddGuests'] | Should -Be 'true'
        Set-MsolSettings -SettingId $setting[0].Id -SettingsValue $value
        $after = Get-MsolSettings -SettingId $setting[0].Id
        $after['AllowToAddGuests'] | Should -Be 'false'
        $after['ClassificationList'] | Should -Be 'Public,Internal,Confidential'
        ($after.Values | Out-String) | Should -Match 'Name\s+Value'
        $value['EnableGroupCreation'] = 'perhaps'
        $failure = $null
        try { Set-MsolSettings -SettingId $setting[0].Id -SettingsValue $value -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetSettings'
        $failure.Exception.Message | Should -Match 'EnableGroupCreation'
        $again = (Get-MsolSettingTemplate -TemplateId '62375ab9-6b52-47ed-826b-58e47e0e304b').CreateSettingsObject()
        { New-MsolSettings -SettingsObject $again -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.ObjectAlreadyExistsException,Microsoft.Online.Administration.Automation.NewSettings'
        { Get-MsolAllSettings -TargetType Users -TargetObjectId ([guid]::NewGuid()) -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.GetAllSettings'
    }
    It 'keeps a group''s guest setting apart from the tenant''s' {
        $group = Get-MsolGroup -SearchString 'Sales Team'
        $guest = (Get-MsolSettingTemplate -TemplateId '08d542b9-071f-4e16-94b0-74abb372e3d9').CreateSettingsObject()
        $guest['AllowToAddGuests'] = $false
        $made = New-MsolSettings -SettingsObject $guest -TargetType Groups -TargetObjectId $group.ObjectId
        $made['AllowToAddGuests'] | Should -Be 'false'
        @(Get-MsolAllSettings -TargetType Groups -TargetObjectId $group.ObjectId).Count | Should -Be 1
        @(Get-MsolAllSettings).DisplayName | Should -Be @('Group.Unified')
        Remove-MsolSettings -SettingId $made.Id -TargetType Groups -TargetObjectId $group.ObjectId
        Get-MsolAllSettings -TargetType Groups -TargetObjectId $group.ObjectId | Should -BeNullOrEmpty
    }
    It 'removes piped settings, after which they are SettingNotFoundException' {
        $setting = Get-MsolAllSettings
        $setting | Remove-MsolSettings -WhatIf
        @(Get-MsolAllSettings).Count | Should -Be 1
        $setting | Remove-MsolSettings
        Get-MsolAllSettings | Should -BeNullOrEmpty
        { Get-MsolSettings -SettingId $setting.Id -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.SettingNotFoundException,Microsoft.Online.Administration.Automation.GetSettings'
    }
}

Describe 'Federated domains' {
    BeforeAll {
        $certificate = 'MIIBCgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJic='
    }
    It 'refuses a managed domain''s settings and an incomplete federation, naming the field' {
        $failure = $null
        try { Get-MsolDomainFederationSettings -DomainName 'contoso.com' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.GetDomainFederationSettings'
        $failure.Exception.Message | Should -Match 'DomainName'
        { Set-MsolDomainAuthentication -DomainName 'contoso.com' -Authentication Federated -IssuerUri 'http://sts.contoso.com/adfs/services/trust' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.RequiredPropertyNotSetException,Microsoft.Online.Administration.Automation.SetDomainAuthentication'
    }
    It 'federates a domain, changes its settings, and makes it managed again' {
        Set-MsolDomainAuthentication -DomainName 'contoso.com' -Authentication Federated -IssuerUri 'http://sts.contoso.com/adfs/services/trust' -PassiveLogOnUri 'https://sts.contoso.com/adfs/ls/' -SigningCertificate $certificate -WhatIf
        (Get-MsolDomain -DomainName 'contoso.com').Authentication | Should -Be 'Managed'
        Set-MsolDomainAuthentication -DomainName 'contoso.com' -Authentication Federated -IssuerUri 'http://sts.contoso.com/adfs/services/trust' -PassiveLogOnUri 'https://sts.contoso.com/adfs/ls/' -SigningCertificate $certificate -PreferredAuthenticationProtocol WsFed
        (Get-MsolDomain -DomainName 'contoso.com').Authentication | Should -Be 'Federated'
        $settings = Get-MsolDomainFederationSettings -DomainName 'contoso.com'
        $settings | Should -BeOfType ([Microsoft.Online.Administration.DomainFederationSettings])
        $settings.PreferredAuthenticationProtocol | Should -Be ([Microsoft.Online.Administration.AuthenticationProtocol]::WsFed)
        ($settings | Out-String) | Should -Match 'PassiveLogOnUri\s+: https://sts.contoso.com/adfs/ls/'
        [pscustomobject]@{ DomainName = 'contoso.com'; SupportsMfa = $true } | Set-MsolDomainFederationSettings -PromptLoginBehavior Disabled
        $after = Get-MsolDomainFederationSettings -DomainName 'contoso.com'
        $after.SupportsMfa | Should -Be $true
        $after.PromptLoginBehavior | Should -Be 'Disabled'
        $failure = $null
        try { Set-MsolDomainFederationSettings -DomainName 'contoso.com' -OpenIdConnectDiscoveryEndpoint 'https://sts.contoso.com/.well-known/openid-configuration' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetDomainFederationSettings'
        $failure.Exception.Message | Should -Match 'OpenIdConnectDiscoveryEndpoint'
        { Convert-MsolFederatedUser -UserPrincipalName 'grady.archie@contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.ConvertFederatedUser'
        Set-MsolDomainAuthentication -DomainName 'contoso.com' -Authentication Managed
        (Get-MsolDomain -DomainName 'contoso.com').Authentication | Should -Be 'Managed'
    }
    It 'gives a converted user a temporary password, generated or given' {
        $generated = Convert-MsolFederatedUser -UserPrincipalName 'grady.archie@contoso.com'
        $generated | Should -BeOfType ([string])
        $generated.Length | Should -BeGreaterThan 7
        Convert-MsolFederatedUser -UserPrincipalName 'grady.archie@contoso.com' -NewPassword 'Correct-Horse-Battery-9' | Should -Be 'Correct-Horse-Battery-9'
        Convert-MsolFederatedUser -UserPrincipalName 'grady.archie@contoso.com' -WhatIf | Should -BeNullOrEmpty
    }
}

Describe 'Device registration policy' {
    It 'reads and changes the policy, refusing a selected workplace join' {
        $policy = Get-MsolDeviceRegistrationServicePolicy
        $policy | Should -BeOfType ([Microsoft.Online.Administration.DeviceRegistrationServicePolicy])
        $policy.AllowedToAzureAdJoin | Should -Be ([Microsoft.Online.Administration.Scope]::All)
        Set-MsolDeviceRegistrationServicePolicy -MaximumDevicesPerUser 40 -WhatIf
        (Get-MsolDeviceRegistrationServicePolicy).MaximumDevicesPerUser | Should -Be $policy.MaximumDevicesPerUser
        Set-MsolDeviceRegistrationServicePolicy -MaximumDevicesPerUser 40 -RequireMultiFactorAuth $True
        $after = Get-MsolDeviceRegistrationServicePolicy
        $after.MaximumDevicesPerUser | Should -Be 40
        $after.RequireMultiFactorAuth | Should -BeTrue
        { Set-MsolDeviceRegistrationServicePolicy -AllowedToWorkplaceJoin Selected -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetDeviceRegistrationServicePolicy'
        $warnings = Set-MsolDeviceRegistrationServicePolicy -AllowedToAzureAdJoin Selected 3>&1
        ($warnings -join ' ') | Should -Match 'nobody may join'
        Set-MsolDeviceRegistrationServicePolicy -AllowedToAzureAdJoin All -MaximumDevicesPerUser $policy.MaximumDevicesPerUser -RequireMultiFactorAuth $false
    }
}

Describe 'Synchronization conflicts' {
    It 'has MSOnline''s parameter sets and lists the demo''s conflicts with their objects' {
        (Get-Command Get-MsolDirSyncProvisioningError).ParameterSets.Name | Sort-Object | Should -Be @('All__0', 'ListDirSyncProvisioningErrors__0')
        Get-MsolHasObjectsWithDirSyncProvisioningErrors | Should -BeTrue
        $all = @(Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -SortField DisplayName)
        $all.DisplayName | Should -Be @('Carla Reyes', 'Henrietta Mueller')
        $all[0] | Should -BeOfType ([Microsoft.Online.Administration.DirSyncProvisioningErrorObject])
        $all[0].ObjectType | Should -Be 'Contact'
        $all[1].ObjectType | Should -Be 'User'
        $all[1].UserPrincipalName | Should -Be 'henrietta.mueller@contoso.com'
        $all[1].ProvisioningErrors[0] | Should -BeOfType ([Microsoft.Online.Administration.DirSyncProvisioningError])
        $all[1].ProvisioningErrors[0].PropertyValue | Should -Be 'SMTP:hr@contoso.com'
        $all[1].ProvisioningErrors[0].WhenStarted | Should -BeOfType ([datetime])
        (Get-MsolDirSyncProvisioningError -SortField DisplayName -SortDirection Descending)[0].DisplayName | Should -Be 'Henrietta Mueller'
    }
    It 'filters by property, value and display name' {
        @(Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -PropertyName UserPrincipalName).Count | Should -Be 0
        (Get-MsolDirSyncProvisioningError -PropertyName ProxyAddresses -PropertyValue 'smtp:HR@contoso.com').DisplayName | Should -Be 'Henrietta Mueller'
        (Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -SearchString 'carla').ObjectType | Should -Be 'Contact'
        @(Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -MaxResults 1 -WarningAction SilentlyContinue).Count | Should -Be 1
        @(Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -All).Count | Should -Be 2
    }
    It 'refuses another category or property, naming the allowed values' {
        $failure = $null
        try { Get-MsolDirSyncProvisioningError -ErrorCategory Duplicate -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.GetDirSyncProvisioningError'
        $failure.Exception.Message | Should -Match 'ErrorCategory'
        $failure.Exception.Message | Should -Match 'PropertyConflict'
        { Get-MsolDirSyncProvisioningError -PropertyName Mail -ErrorAction Stop } | Should -Throw -ExpectedMessage '*ProxyAddresses*'
        { Get-MsolDirSyncProvisioningError -SortField Name -ErrorAction Stop } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
    It 'shows a table of types, names and conflicts' {
        $table = Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -SearchString 'Henrietta' | Out-String -Width 250
        $table | Should -Match 'ObjectType\s+DisplayName\s+UserPrincipalName\s+ProvisioningErrors'
        $table | Should -Match 'ProxyAddresses: SMTP:hr@contoso.com'
    }
}

Describe 'Adding and verifying domains' {
    It 'adds a domain and shows the records that verify it' {
        $domain = New-MsolDomain -Name 'Litware.com'
        $domain | Should -BeOfType ([Microsoft.Online.Administration.Domain])
        $domain.Name | Should -Be 'litware.com'
        $domain.Status | Should -Be 'Unverified'
        $domain.Authentication | Should -Be 'Managed'
        $mx = Get-MsolDomainVerificationDns -DomainName 'litware.com'
        $mx | Should -BeOfType ([Microsoft.Online.Administration.DomainRecord])
        $mx.Label | Should -Be 'litware.com'
        $mx.MailExchange | Should -Match '^ms\d{8}\.msv1\.invalid$'
        $mx.Preference | Should -Be 32767
        $mx.Ttl | Should -Be 3600
        $txt = [pscustomobject]@{ DomainName = 'litware.com'; Mode = 'DnsTxtRecord' } | Get-MsolDomainVerificationDns
        $txt.Text | Should -Be ('MS=' + $mx.MailExchange.Split('.')[0])
    }
    It 'verifies a domain once its record is published, and not before' {
        New-MsolDomain -Name 'woodgrove.com' | Out-Null
        $failure = $null
        try { Confirm-MsolDomain -DomainName 'woodgrove.com' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.DomainVerificationFailedException,Microsoft.Online.Administration.Automation.ConfirmDomain'
        $failure.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failure.Exception.Message | Should -Match 'MS=ms\d{8}'
        (Get-MsolDomain -DomainName 'woodgrove.com').Status | Should -Be 'Unverified'

        # The admin publishes the TXT record; the local tenant's DNS is in its tenant file.
        $record = Get-MsolDomainVerificationDns -DomainName 'woodgrove.com' -Mode DnsTxtRecord
        $json = Join-Path ([System.IO.Path]::GetTempPath()) ('tenant-' + [guid]::NewGuid() + '.json')
        & $env:MSOL_BRIDGE_EXE tenant export $json --tenant $tenant 2>&1 | Out-Null
        $snapshot = Get-Content $json -Raw | ConvertFrom-Json
        $snapshot | Add-Member -NotePropertyName PublishedDnsRecords -NotePropertyValue @([pscustomobject]@{ Domain = 'woodgrove.com'; Type = 'TXT'; Value = $record.Text }) -Force
        $snapshot | ConvertTo-Json -Depth 32 | Set-Content $json
        & $env:MSOL_BRIDGE_EXE tenant import $json --force --tenant $tenant 2>&1 | Out-Null
        $LASTEXITCODE | Should -Be 0
        Remove-Item $json

        "$([pscustomobject]@{ DomainName = 'woodgrove.com' } | Confirm-MsolDomain -Verbose 4>&1)" | Should -Match 'changed Status'
        (Get-MsolDomain -DomainName 'woodgrove.com').Status | Should -Be 'Verified'
        "$(Confirm-MsolDomain -DomainName 'woodgrove.com' -Verbose 4>&1)" | Should -Match 'nothing to change'
    }
    It 'verifies a subdomain of a verified domain at once' {
        $sub = New-MsolDomain -Name 'sales.contoso.com'
        $sub.Status | Should -Be 'Verified'
        $sub.RootDomain | Should -Be 'contoso.com'
    }
    It '-WhatIf adds and verifies nothing' {
        New-MsolDomain -Name 'whatif.com' -WhatIf
        { Get-MsolDomain -DomainName 'whatif.com' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*whatif.com*'
        Confirm-MsolDomain -DomainName 'litware.com' -WhatIf
        (Get-MsolDomain -DomainName 'litware.com').Status | Should -Be 'Unverified'
    }
    It 'makes a verified domain the default, taking the name from piped domains' {
        $sub = New-MsolDomain -Name 'eu.contoso.com'
        "$($sub | Set-MsolDomain -IsDefault -Verbose 4>&1)" | Should -Match 'changed IsDefault'
        (Get-MsolDomain -DomainName 'eu.contoso.com').IsDefault | Should -BeTrue
        (Get-MsolDomain -DomainName 'contoso.com').IsDefault | Should -BeFalse
        { Set-MsolDomain -Name 'litware.com' -IsDefault -ErrorAction Stop } | Should -Throw -ExpectedMessage '*not verified*'
        Set-MsolDomain -Name 'contoso.com' -IsDefault -WhatIf
        (Get-MsolDomain -DomainName 'eu.contoso.com').IsDefault | Should -BeTrue
        Set-MsolDomain -Name 'contoso.com' -IsDefault
        (Get-MsolDomain -DomainName 'contoso.com').IsDefault | Should -BeTrue
    }
    It 'removes a domain no object uses, and names the objects that block one' {
        Remove-MsolDomain -DomainName 'eu.contoso.com' -WhatIf
        (Get-MsolDomain -DomainName 'eu.contoso.com').Name | Should -Be 'eu.contoso.com'
        Remove-MsolDomain -DomainName 'eu.contoso.com' -Force
        { Get-MsolDomain -DomainName 'eu.contoso.com' -ErrorAction Stop } | Should -Throw -ExceptionType ([Microsoft.Online.Administration.Automation.DomainNotFoundException])
        $failure = $null
        try { Remove-MsolDomain -DomainName 'contoso.com' -Force -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.RemoveDomain'
        $failure.Exception.Message | Should -Match 'default domain'
        New-MsolDomain -Name 'used.contoso.com' | Out-Null
        New-MsolUser -UserPrincipalName 'pat@used.contoso.com' -DisplayName 'Pat' | Out-Null
        $failure = $null
        try { Remove-MsolDomain -DomainName 'used.contoso.com' -Force -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.DomainInUseException,Microsoft.Online.Administration.Automation.RemoveDomain'
        $failure.Exception.Message | Should -Match 'Get-MsolUser -DomainName used.contoso.com'
        $failure.Exception.Message | Should -Match 'pat@used.contoso.com'
    }
    It 'refuses a malformed name, a federated domain and a domain the tenant holds' {
        $failure = $null
        try { New-MsolDomain -Name 'not a domain' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.NewDomain'
        { New-MsolDomain -Name 'litware.net' -Authentication Federated -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Authentication*'
        $failure = $null
        try { New-MsolDomain -Name 'CONTOSO.COM' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.ObjectAlreadyExistsException,Microsoft.Online.Administration.Automation.NewDomain'
        $failure.CategoryInfo.Category | Should -Be 'ResourceExists'
        { Get-MsolDomainVerificationDns -DomainName 'unknown.example' -ErrorAction Stop } | Should -Throw -ExceptionType ([Microsoft.Online.Administration.Automation.DomainNotFoundException])
    }
}

Describe 'Synchronization features and the deletion guard' {
    It 'lists every feature, or one by name in any case, as a table' {
        $features = @(Get-MsolDirSyncFeatures)
        $features.Count | Should -Be 12
        $features[0] | Should -BeOfType ([Microsoft.Online.Administration.DirSyncFeatureStatus])
        ($features | Where-Object DirSyncFeature -eq 'PasswordSync').Enabled | Should -BeTrue
        (Get-MsolDirSyncFeatures -Feature 'enablesoftmatchonupn').Enabled | Should -BeTrue
        (Get-MsolDirSyncFeatures -Feature DeviceWriteback).Enabled | Should -BeFalse
        (Get-MsolDirSyncFeatures | Out-String) | Should -Match 'DirSyncFeature\s+Enabled'
        { Get-MsolDirSyncFeatures -Feature Teleport -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.GetDirSyncFeatures'
    }
    It 'Set-MsolDirSyncFeature turns a feature on once; -WhatIf changes nothing' {
        Set-MsolDirSyncFeature -Feature BlockSoftMatch -Enable $true -WhatIf
        (Get-MsolDirSyncFeatures -Feature BlockSoftMatch).Enabled | Should -BeFalse
        Set-MsolDirSyncFeature -Feature BlockSoftMatch -Enable $true -Force
        (Get-MsolDirSyncFeatures -Feature BlockSoftMatch).Enabled | Should -BeTrue
        ((Set-MsolDirSyncFeature -Feature BlockSoftMatch -Enable $true -Force -Verbose 4>&1) -join ' ') | Should -Match 'nothing to change'
        Set-MsolDirSyncFeature -Feature BlockSoftMatch -Enable $false -Force
        (Get-MsolDirSyncFeatures -Feature BlockSoftMatch).Enabled | Should -BeFalse
    }
    It 'refuses to turn off a permanent feature and to set one Entra Connect owns' {
        { Set-MsolDirSyncFeature -Feature EnableSoftMatchOnUpn -Enable $false -Force -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetDirSyncFeature'
        (Get-MsolDirSyncFeatures -Feature EnableSoftMatchOnUpn).Enabled | Should -BeTrue
        $failure = $null
        try { Set-MsolDirSyncFeature -Feature DeviceWriteback -Enable $true -Force -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception.Message | Should -Match 'BlockCloudObjectTakeoverThroughHardMatch'
    }
    It 'takes features from piped objects' {
        $rows = @([pscustomobject]@{ Feature = 'BlockCloudObjectTakeoverThroughHardMatch'; Enable = $true })
        $rows | Set-MsolDirSyncFeature -Force
        (Get-MsolDirSyncFeatures -Feature BlockCloudObjectTakeoverThroughHardMatch).Enabled | Should -BeTrue
        @(Get-MsolDirSyncFeatures | Where-Object Enabled | Get-MsolDirSyncFeatures -Feature { $_.DirSyncFeature }).Count | Should -BeGreaterThan 3
    }
    It 'reads and sets the accidental deletion threshold' {
        $guard = Get-MsolDirSyncConfiguration
        $guard | Should -BeOfType ([Microsoft.Online.Administration.DirSyncConfiguration])
        $guard.AccidentalDeletionThreshold | Should -Be 500
        $guard.DeletionPreventionType | Should -Be ([Microsoft.Online.Administration.DeletionPreventionType]::EnabledForCount)
        Set-MsolDirSyncConfiguration -AccidentalDeletionThreshold 100 -Force
        (Get-MsolDirSyncConfiguration).AccidentalDeletionThreshold | Should -Be 100
        { Set-MsolDirSyncConfiguration -AccidentalDeletionThreshold 0 -Force -ErrorAction Stop } | Should -Throw -ErrorId '*SetDirSyncConfiguration'
        Set-MsolDirSyncConfiguration -AccidentalDeletionThreshold 500 -Force
    }
}

Describe 'Company contacts' {
    It 'Set-MsolCompanyContactInformation replaces the lists and shows them in the company' {
        Set-MsolCompanyContactInformation -TechnicalNotificationEmail 'tech@contoso.com'
        (Get-MsolCompanyInformation).TechnicalNotificationEmails | Should -Be @('tech@contoso.com')
        ((Set-MsolCompanyContactInformation -TechnicalNotificationEmails 'tech@contoso.com' -Verbose 4>&1) -join ' ') | Should -Match 'nothing to change'
        Set-MsolCompanyContactInformation -MarketingNotificationEmails @('news@contoso.com', 'offers@contoso.com') -WhatIf
        (Get-MsolCompanyInformation).MarketingNotificationEmails | Should -BeNullOrEmpty
        { Set-MsolCompanyContactInformation -TechnicalNotificationEmails 'nobody' -ErrorAction Stop } | Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetCompanyContactInformation'
    }
    It 'Set-MsolCompanySecurityComplianceContactInformation takes MSOnline''s example as written' {
        Set-MsolCompanySecurityComplianceContactInformation -SecurityComplianceNotificationEmails "EvanNarvaez@contoso.com", "ElisaDaugherty@contoso.com" -SecuritComplianceNotificationPhones "555-555-0012", "555-555-0199"
        $company = Get-MsolCompanyInformation
        $company.SecurityComplianceNotificationEmails | Should -Be @('EvanNarvaez@contoso.com', 'ElisaDaugherty@contoso.com')
        $company.SecurityComplianceNotificationPhones | Should -Be @('555-555-0012', '555-555-0199')
    }
}

Describe 'Company settings' {
    It 'changes only the settings given, reads them back, and says what changed' {
        $company = Get-MsolCompanyInformation
        $company.UsersPermissionToCreateGroupsEnabled | Should -BeTrue
        $company.SelfServePasswordResetEnabled | Should -BeFalse
        $verbose = Set-MsolCompanySettings -UsersPermissionToCreateGroupsEnabled $false -SelfServePasswordResetEnabled $false -Verbose 4>&1
        "$verbose" | Should -Match 'changed UsersPermissionToCreateGroupsEnabled\.'
        $after = Get-MsolCompanyInformation
        $after.UsersPermissionToCreateGroupsEnabled | Should -BeFalse
        $after.UsersPermissionToCreateLOBAppsEnabled | Should -BeTrue
        [pscustomobject]@{ AllowAdHocSubscriptions = $false; DefaultUsageLocation = 'de' } | Set-MsolCompanySettings
        (Get-MsolCompanyInformation).AllowAdHocSubscriptions | Should -BeFalse
        (Get-MsolCompanyInformation).DefaultUsageLocation | Should -Be 'DE'
    }
    It '-WhatIf changes nothing' {
        Set-MsolCompanySettings -UsersPermissionToReadOtherUsersEnabled $false -WhatIf
        (Get-MsolCompanyInformation).UsersPermissionToReadOtherUsersEnabled | Should -BeTrue
    }
    It 'refuses a usage location that is no country code, changing nothing' {
        $failure = $null
        try { Set-MsolCompanySettings -AllowEmailVerifiedUsers $false -DefaultUsageLocation 'UK' -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetCompanySettings'
        $failure.Exception.Message | Should -Match 'DefaultUsageLocation'
        (Get-MsolCompanyInformation).AllowEmailVerifiedUsers | Should -BeTrue
    }
}

Describe 'Password policy' {
    It 'DomainName, ValidityPeriod and NotificationDays are mandatory UInt32s; Set offers WhatIf' {
        $get = Get-Command Get-MsolPasswordPolicy
        $get.Parameters['DomainName'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -BeTrue
        $set = Get-Command Set-MsolPasswordPolicy
        foreach ($name in 'DomainName', 'ValidityPeriod', 'NotificationDays') {
            $set.Parameters[$name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -BeTrue
        }
        $set.Parameters['ValidityPeriod'].ParameterType | Should -Be ([uint32])
        $set.Parameters['NotificationDays'].ParameterType | Should -Be ([uint32])
        $set.Parameters.Keys | Should -Contain 'WhatIf'
        { Set-MsolPasswordPolicy -DomainName contoso.com -ValidityPeriod -1 -NotificationDays 14 -ErrorAction Stop } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }
    It 'a policy never set reads as the service defaults, null' {
        $policy = Get-MsolPasswordPolicy -DomainName 'contoso.onmicrosoft.com'
        $policy | Should -BeOfType ([Microsoft.Online.Administration.PasswordPolicy])
        $policy.ValidityPeriod | Should -BeNullOrEmpty
        $policy.NotificationDays | Should -BeNullOrEmpty
    }
    It '-WhatIf changes nothing' {
        Set-MsolPasswordPolicy -DomainName 'contoso.onmicrosoft.com' -ValidityPeriod 60 -NotificationDays 14 -WhatIf
        (Get-MsolPasswordPolicy -DomainName 'contoso.onmicrosoft.com').ValidityPeriod | Should -BeNullOrEmpty
    }
    It 'sets a domain''s policy, reads it back and shows it as a table' {
        $verbose = Set-MsolPasswordPolicy -DomainName 'contoso.com' -ValidityPeriod 60 -NotificationDays 14 -Verbose 4>&1
        "$verbose" | Should -Match 'changed ValidityPeriod, NotificationDays'
        $policy = Get-MsolPasswordPolicy -DomainName 'CONTOSO.COM'
        $policy.ValidityPeriod | Should -Be 60
        $policy.NotificationDays | Should -Be 14
        $policy.ValidityPeriod | Should -BeOfType ([uint32])
        $table = ($policy | Format-Table | Out-String)
        $table | Should -Match 'NotificationDays\s+ValidityPeriod'
        $table | Should -Match '14\s+60'
    }
    It 'takes every parameter from piped objects, as from a CSV' {
        $rows = @([pscustomobject]@{ DomainName = 'contoso.com'; ValidityPeriod = '2147483647'; NotificationDays = '30' })
        $rows | Set-MsolPasswordPolicy
        $rows | Get-MsolPasswordPolicy | ForEach-Object { $_.ValidityPeriod } | Should -Be 2147483647
    }
    It 'refuses numbers outside the admin center''s ranges with PropertyValidationException, naming the field' {
        $failure = $null
        try { Set-MsolPasswordPolicy -DomainName 'contoso.com' -ValidityPeriod 0 -NotificationDays 14 -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'Microsoft.Online.Administration.Automation.PropertyValidationException,Microsoft.Online.Administration.Automation.SetPasswordPolicy'
        $failure.Exception.Message | Should -Match 'ValidityPeriod'
        $failure.Exception.Message | Should -Match '14-730'
        { Set-MsolPasswordPolicy -DomainName 'contoso.com' -ValidityPeriod 90 -NotificationDays 45 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*NotificationDays*'
        (Get-MsolPasswordPolicy -DomainName 'contoso.com').ValidityPeriod | Should -Be 2147483647
    }
    It 'an unknown domain is DomainNotFoundException' {
        { Get-MsolPasswordPolicy -DomainName 'nowhere.example' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.DomainNotFoundException,Microsoft.Online.Administration.Automation.GetPasswordPolicy'
    }
}

Describe 'Licence options' {
    It 'New-MsolLicenseOptions returns a LicenseOption with the licence''s own names' {
        $options = New-MsolLicenseOptions -AccountSkuId 'CONTOSO:enterprisepack' -DisabledPlans 'teams1'
        $options | Should -BeOfType ([Microsoft.Online.Administration.LicenseOption])
        $options.AccountSkuId.AccountName | Should -Be 'contoso'
        $options.AccountSkuId.SkuPartNumber | Should -Be 'ENTERPRISEPACK'
        @($options.DisabledServicePlans) | Should -Be @('TEAMS1')
    }
    It 'refuses an unknown plan with InvalidLicenseConfigurationException, naming the licence''s plans' {
        { New-MsolLicenseOptions -AccountSkuId 'contoso:ENTERPRISEPACK' -DisabledPlans 'TEAMS' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Microsoft.Online.Administration.Automation.InvalidLicenseConfigurationException,Microsoft.Online.Administration.Automation.NewLicenseOptions' -ExpectedMessage '*TEAMS1*'
    }
    It 'refuses an AccountSkuId the tenant does not have, naming the ones it has' {
        { New-MsolLicenseOptions -AccountSkuId 'contoso:NOPE' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Allowed values: contoso:*'
    }
    It 'New-MsolUser -LicenseOptions reads back as ServiceStatus' {
        $options = New-MsolLicenseOptions -AccountSkuId 'contoso:ENTERPRISEPACK' -DisabledPlans 'EXCHANGE_S_ENTERPRISE'
        $user = New-MsolUser -UserPrincipalName 'options.test@contoso.com' -DisplayName 'Options Test' -UsageLocation 'GB' -LicenseAssignment 'contoso:ENTERPRISEPACK' -LicenseOptions $options
        $status = (Get-MsolUser -UserPrincipalName 'options.test@contoso.com').Licenses[0].ServiceStatus
        ($status | Where-Object { $_.ServicePlan.ServiceName -eq 'EXCHANGE_S_ENTERPRISE' }).ProvisioningStatus | Should -Be 'Disabled'
        ($status | Where-Object { $_.ServicePlan.ServiceName -eq 'TEAMS1' }).ProvisioningStatus | Should -Not -Be 'Disabled'
    }
}
