# Complete old-style scripts (tests/pester/Scripts) and the shipped examples, each run unchanged in
# its own pwsh against a fresh demo tenant, as an admin or a runbook would run it: on the local
# backend, and on the Graph backend signed in to the Graph simulator by a bare Connect-MsolService.
BeforeDiscovery {
    $root = Split-Path (Split-Path $PSScriptRoot)
    $scripts = @(Get-ChildItem (Join-Path $PSScriptRoot 'Scripts') -Filter '*.ps1') + @(Get-ChildItem (Join-Path $root 'examples') -Filter '*.ps1') |
        ForEach-Object { @{ Path = $_.FullName; Name = $_.Name } }
}

BeforeAll {
    Import-Module MSOnline -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Old MSOnline scripts run unchanged' {
    It '<Name> succeeds' -ForEach $scripts {
        $tenant = New-TestTenant
        $result = Invoke-ScriptInPwsh -Path $Path -Environment @{ MSOL_BRIDGE_LOCAL_TENANT = $tenant; MSOL_BRIDGE_BACKEND = 'local' }
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Not -Match 'Exception|error' -Because 'the script reported no error'
    }
    It 'Enable-MfaForAdmins leaves every Company Administrator with MFA' {
        $tenant = New-TestTenant
        $result = Invoke-ScriptInPwsh -Path (Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'examples/Enable-MfaForAdmins.ps1') -Environment @{ MSOL_BRIDGE_LOCAL_TENANT = $tenant }
        $result.ExitCode | Should -Be 0
        Connect-MsolService -LocalTenant $tenant
        $role = Get-MsolRole -RoleName 'Company Administrator'
        foreach ($member in Get-MsolRoleMember -RoleObjectId $role.ObjectId) {
            (Get-MsolUser -ObjectId $member.ObjectId).StrongAuthenticationRequirements.State | Should -BeIn @('Enabled', 'Enforced')
        }
    }
}

Describe 'The example runbook' {
    It 'Enable-MfaForNewAdmins.Runbook leaves every administrator of every administrator role with MFA, and a second run changes nothing' {
        $tenant = New-TestTenant
        $runbook = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'examples/Enable-MfaForNewAdmins.Runbook.ps1'
        $first = Invoke-ScriptInPwsh -Path $runbook -Environment @{ MSOL_BRIDGE_LOCAL_TENANT = $tenant; MSOL_BRIDGE_BACKEND = 'local' }
        $first.ExitCode | Should -Be 0 -Because $first.Output
        $first.Output | Should -Match 'MFA enabled'
        Connect-MsolService -LocalTenant $tenant -WarningAction SilentlyContinue
        $checked = 0
        foreach ($role in @(Get-MsolRole | Where-Object { $_.Name -like '*Administrator*' })) {
            foreach ($member in @(Get-MsolRoleMember -RoleObjectId $role.ObjectId -All | Where-Object RoleMemberType -eq 'User')) {
                @((Get-MsolUser -ObjectId $member.ObjectId).StrongAuthenticationRequirements).Count | Should -Be 1 -Because "$($member.EmailAddress) is a $($role.Name)"
                $checked++
            }
        }
        $checked | Should -BeGreaterThan 3
        $second = Invoke-ScriptInPwsh -Path $runbook -Environment @{ MSOL_BRIDGE_LOCAL_TENANT = $tenant; MSOL_BRIDGE_BACKEND = 'local' }
        $second.ExitCode | Should -Be 0 -Because $second.Output
        $second.Output | Should -Match 'MFA enabled for 0, 0 failed'
    }
}

Describe 'msol-bridge run' {
    It 'with --summary counts the objects each kind of change touched instead of listing every change' {
        $tenant = New-TestTenant
        $script = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'examples/Enable-MfaForAdmins.ps1'
        $output = & $env:MSOL_BRIDGE_EXE run --summary --tenant $tenant $script 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join [Environment]::NewLine)
        $output | Should -Contain '  StrongAuthenticationRequirements: 1 object(s)' -Because ($output -join [Environment]::NewLine)
        $output | Where-Object { $_ -like '  *@*: *' } | Should -BeNullOrEmpty -Because 'no change is listed user by user'
    }
    It 'with --tenant naming a new file starts from the demo tenant, so the script has users to work on' {
        $tenant = Join-Path $TestDrive 'new-rehearsal.db'
        $script = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'examples/Enable-MfaForAdmins.ps1'
        $output = & $env:MSOL_BRIDGE_EXE run --summary --tenant $tenant $script 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join [Environment]::NewLine)
        ($output -join ' ') | Should -BeLike "*created the demo tenant (300 users) in $tenant*"
        $output | Should -Contain '  StrongAuthenticationRequirements: 1 object(s)'
    }
}

Describe 'Old MSOnline scripts run unchanged against Microsoft Graph (the simulator)' {
    It '<Name> succeeds on the graph backend' -ForEach $scripts {
        $simulator = Start-TestGraphSimulator -Tenant (New-TestTenant)
        try {
            if ($Name -eq 'NewUsersFromList.ps1') {
                # This script signs in with a user's password, which Microsoft refuses while MFA applies
                # (tested below): here the account it names has that password and no per-user MFA.
                $admin = '/users/admin@contoso.onmicrosoft.com'
                Invoke-TestGraphRequest $simulator PATCH "/beta$admin/authentication/requirements" @{ perUserMfaState = 'disabled' }
                Invoke-TestGraphRequest $simulator PATCH "/v1.0$admin" @{ passwordProfile = @{ password = 'not-used-locally'; forceChangePasswordNextSignIn = $false } }
            }
            $result = Invoke-ScriptInPwsh -Path $Path -Environment $simulator.Environment
            $result.ExitCode | Should -Be 0 -Because $result.Output
            $result.Output | Should -Not -Match 'Exception|error' -Because 'the script reported no error'
        } finally {
            $simulator.Process.Kill()
        }
    }
    It 'Connect-MsolService -Credential with a user name explains that MFA blocks password sign-in' {
        $simulator = Start-TestGraphSimulator -Tenant (New-TestTenant)
        try {
            Invoke-TestGraphRequest $simulator PATCH '/v1.0/users/admin@contoso.onmicrosoft.com' @{ passwordProfile = @{ password = 'Runbook-Pa55'; forceChangePasswordNextSignIn = $false } }
            foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $simulator.Environment[$name] }
            $credential = New-Object System.Management.Automation.PSCredential ('admin@contoso.onmicrosoft.com', (ConvertTo-SecureString 'Runbook-Pa55' -AsPlainText -Force))
            { Connect-MsolService -Credential $credential } | Should -Throw -ExpectedMessage '*AADSTS50076*Multi-factor authentication*'
        } finally {
            foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $null }
            $simulator.Process.Kill()
        }
    }
    It 'Connect-MsolService signs in as an app with the certificate the host is configured with' {
        $certificate = Join-Path (Split-Path $PSScriptRoot) 'fixtures/test-app-certificate.pem'
        $simulator = Start-TestGraphSimulator -Tenant (New-TestTenant) -Arguments @('--app-certificate', $certificate)
        $environment = $simulator.Environment + @{ MSOL_BRIDGE_CERTIFICATE = $certificate; MSOL_BRIDGE_CLIENT_ID = $simulator.AppId }
        try {
            foreach ($name in $environment.Keys) { Set-TestEnvironmentVariable $name $environment[$name] }
            Connect-MsolService -WarningVariable shown
            $shown | Should -BeNullOrEmpty -Because 'no one is asked for a code'
            (Get-MsolUser -UserPrincipalName 'admin@contoso.onmicrosoft.com').StrongAuthenticationRequirements.State | Should -Be 'Enforced'
        } finally {
            foreach ($name in $environment.Keys) { Set-TestEnvironmentVariable $name $null }
            $simulator.Process.Kill()
        }
    }
    It 'Connect-MsolService shows the device-code sign-in message' {
        $simulator = Start-TestGraphSimulator -Tenant (New-TestTenant)
        try {
            foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $simulator.Environment[$name] }
            Connect-MsolService -WarningVariable shown -WarningAction SilentlyContinue
            ($shown -join ' ') | Should -Match 'devicelogin'
            (Get-MsolCompanyInformation).InitialDomain | Should -Be 'contoso.onmicrosoft.com'
        } finally {
            foreach ($name in $simulator.Environment.Keys) { Set-TestEnvironmentVariable $name $null }
            $simulator.Process.Kill()
        }
    }
}
