# Tab completion of parameter values, through PowerShell's own TabExpansion2, as a user's Tab key.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module MSOnline -Force
    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }
}

Describe 'Completion before Connect-MsolService' {
    BeforeAll { [Microsoft.Online.Administration.Automation.BridgeSession]::Disconnect() }

    It 'completes -UsageLocation from the ISO 3166-1 codes' {
        $codes = @(Get-Completion 'Set-MsolUser -UsageLocation G' | ForEach-Object CompletionText)
        $codes | Should -Contain 'GB'
        $codes | Should -Contain 'GR'
        $codes | Should -Not -Contain 'DE'
        @(Get-Completion 'New-MsolUser -UsageLocation ZZ').Count | Should -Be 0
    }
    It 'offers tenant values (users, licences) only when connected, and no file names instead' {
        @(Get-Completion 'Set-MsolUserLicense -AddLicenses ').Count | Should -Be 0
        @(Get-Completion 'Get-MsolUser -UserPrincipalName ').Count | Should -Be 0
    }
    It 'offers -AzureEnvironment only the clouds Connect-MsolService can reach' {
        $clouds = @(Get-Completion 'Connect-MsolService -AzureEnvironment ' | ForEach-Object CompletionText)
        $clouds | Should -Be @('AzureChinaCloud', 'AzureCloud', 'USGovernment')
        try { Connect-MsolService -AzureEnvironment AzureGermanyCloud -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -BeLike '*AzureGermanyCloud*AzureCloud,AzureChinaCloud,USGovernment*'
    }
}

Describe 'Completion of the connected tenant''s values' {
    BeforeAll {
        $tenant = New-TestTenant
        & $env:MSOL_BRIDGE_EXE tenant demo --tenant $tenant --users 620 --force | Out-Null
        Connect-MsolService -LocalTenant $tenant -WarningAction SilentlyContinue
    }
    AfterAll { [Microsoft.Online.Administration.Automation.BridgeSession]::Disconnect() }

    It 'keeps -UsageLocation equal to the codes the bridge accepts' {
        try { Set-MsolUser -UserPrincipalName 'isaiah.langer@contoso.com' -UsageLocation 'ZZ' -ErrorAction Stop } catch { $failure = $_ }
        $accepted = ($failure.Exception.Message -replace '^.*Allowed values: ', '' -replace '\.$', '') -split ', '
        $accepted.Count | Should -Be 249
        [Microsoft.Online.Administration.Automation.UsageLocationCompleter]::Codes | Should -Be $accepted
    }
    It 'completes -AddLicenses and -RemoveLicenses from the tenant''s AccountSkuIds' {
        $skus = @(Get-MsolAccountSku | ForEach-Object AccountSkuId | Sort-Object)
        $skus.Count | Should -BeGreaterThan 0
        @(Get-Completion 'Set-MsolUserLicense -UserPrincipalName x -AddLicenses ' | ForEach-Object CompletionText | Sort-Object) | Should -Be $skus
        $first = $skus[0]
        @(Get-Completion "Set-MsolUserLicense -UserPrincipalName x -RemoveLicenses $($first.Substring(0, $first.Length - 1))" | ForEach-Object CompletionText) | Should -Contain $first
        @(Get-Completion "New-MsolUser -LicenseAssignment $first" | ForEach-Object CompletionText) | Should -Be @($first)
    }
    It 'completes -UserPrincipalName by prefix, at most 25 at a time on a large tenant' {
        $all = @(Get-Completion 'Set-MsolUser -UserPrincipalName ')
        $all.Count | Should -BeGreaterThan 0
        $all.Count | Should -BeLessOrEqual 25
        $admins = @(Get-Completion 'Get-MsolUser -UserPrincipalName adm.' | ForEach-Object CompletionText)
        $admins | Should -Contain 'adm.alex.wilber@contoso.com'
        $admins | ForEach-Object { $_ | Should -BeLike 'adm.*' }
        @(Get-Completion 'Remove-MsolUser -UserPrincipalName no.such.prefix').Count | Should -Be 0
    }
    It 'completes -RoleObjectId from a role''s name or the start of its id' {
        $role = Get-MsolRole -RoleName 'Company Administrator'
        $byName = @(Get-Completion 'Get-MsolRoleMember -RoleObjectId Company')
        $byName.CompletionText | Should -Contain ([string]$role.ObjectId)
        ($byName | Where-Object CompletionText -eq ([string]$role.ObjectId)).ListItemText | Should -Be 'Company Administrator'
        $byId = @(Get-Completion "Add-MsolRoleMember -RoleObjectId $(([string]$role.ObjectId).Substring(0, 8))" | ForEach-Object CompletionText)
        $byId | Should -Contain ([string]$role.ObjectId)
    }
    It 'completes -GroupObjectId from a group''s display name' {
        $group = @(Get-MsolGroup -MaxResults 1)[0]
        $word = $group.DisplayName.Split(' ')[0]
        $found = @(Get-Completion "Get-MsolGroupMember -GroupObjectId $word")
        $found.CompletionText | Should -Contain ([string]$group.ObjectId)
        $found.Count | Should -BeLessOrEqual 25
    }
}
