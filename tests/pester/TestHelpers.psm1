# Shared by the Pester files: a fresh local tenant per file, connected through the real bridge.

function New-TestTenant {
    param([string] $Kind = 'demo', [string] $Folder = $TestDrive)
    $path = Join-Path $Folder ("tenant-{0}.db" -f [guid]::NewGuid().ToString('n'))
    $output = & $env:MSOL_BRIDGE_EXE tenant $Kind --tenant $path 2>&1
    if ($LASTEXITCODE -ne 0) { throw "msol-bridge tenant $Kind failed: $output" }
    return $path
}

function Connect-TestTenant {
    param([string] $Kind = 'demo')
    $path = New-TestTenant -Kind $Kind
    Connect-MsolService -LocalTenant $path
    return $path
}

# Sets a variable, or removes it for $null (a $null passed as [string] would set it empty).
function Set-TestEnvironmentVariable {
    param([string] $Name, $Value)
    if ($null -eq $Value) { Remove-Item "Env:$Name" -ErrorAction SilentlyContinue } else { Set-Item "Env:$Name" $Value }
}

# Runs a script file in a separate pwsh, as a user or a runbook would, and returns its output and exit code.
function Invoke-ScriptInPwsh {
    param([string] $Path, [hashtable] $Environment = @{})
    $pwsh = (Get-Process -Id $PID).Path
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        Set-TestEnvironmentVariable $name $Environment[$name]
    }
    try {
        $output = & $pwsh -NoProfile -NonInteractive -File $Path 2>&1 | ForEach-Object { "$_" }
        return [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join [Environment]::NewLine) }
    } finally {
        foreach ($name in $saved.Keys) { Set-TestEnvironmentVariable $name $saved[$name] }
    }
}

# Starts the Graph simulator over a tenant file, approving device codes at once; answers its URL and process.
function Start-TestGraphSimulator {
    param([string] $Tenant, [string[]] $Arguments = @())
    $start = New-Object System.Diagnostics.ProcessStartInfo $env:MSOL_BRIDGE_EXE
    foreach ($argument in @('graph-sim', '--auto-approve', '--tenant', $Tenant) + $Arguments) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $ready = $process.StandardOutput.ReadLine() | ConvertFrom-Json
    if ($ready.Event -ne 'Ready') { throw "the Graph simulator did not start: $ready" }
    return [pscustomobject]@{ Url = $ready.Url; AppId = $ready.AppId; Process = $process; Environment = @{
        MSOL_BRIDGE_BACKEND = 'graph'; MSOL_BRIDGE_GRAPH_URL = $ready.Url; MSOL_BRIDGE_LOGIN_URL = $ready.Url
        MSOL_BRIDGE_TENANT_ID = $ready.InitialDomain } }
}

# Calls the simulator as any Graph client would: a device-code token (approved at once), then the request.
function Invoke-TestGraphRequest {
    param($Simulator, [string] $Method, [string] $Path, [hashtable] $Body)
    $form = @{ client_id = '14d82eec-204b-4c2f-b7e8-296a70dab67e'; scope = 'https://graph.microsoft.com/.default' }
    $code = Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/organizations/oauth2/v2.0/devicecode" -Body $form
    $token = Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/organizations/oauth2/v2.0/token" -Body @{
        client_id = $form.client_id; grant_type = 'urn:ietf:params:oauth:grant-type:device_code'; device_code = $code.device_code }
    $json = if ($Body) { $Body | ConvertTo-Json -Depth 5 } else { $null }
    Invoke-RestMethod -Method $Method -Uri "$($Simulator.Url)$Path" -Body $json -ContentType 'application/json' -Headers @{ Authorization = "Bearer $($token.access_token)" }
}

# MSOnline's own objects, made the way old scripts make them.
function New-Requirement([string] $State) {
    $requirement = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
    $requirement.RelyingParty = '*'
    $requirement.State = $State
    $requirement
}
function New-Method([string] $Type, [bool] $IsDefault) {
    $method = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationMethod
    $method.MethodType = $Type
    $method.IsDefault = $IsDefault
    $method
}

Export-ModuleMember -Function New-Requirement, New-Method, Set-TestEnvironmentVariable, New-TestTenant, Connect-TestTenant, Invoke-ScriptInPwsh, Start-TestGraphSimulator, Invoke-TestGraphRequest
