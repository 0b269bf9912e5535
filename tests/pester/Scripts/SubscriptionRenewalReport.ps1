# Reports the licences that need attention, as MSOnline-era renewal reports did: every subscription
# with its licences in use, those that end or change status within 30 days (trials first), and a
# CSV for the finance team.
Connect-MsolService

$skus = @{}
foreach ($sku in Get-MsolAccountSku) { $skus[$sku.SkuId.ToString()] = $sku }

$report = foreach ($subscription in Get-MsolSubscription) {
    $sku = $skus[$subscription.SkuId.ToString()]
    if (-not $sku) { Write-Error "No licence for subscription $($subscription.ObjectId)"; exit 1 }
    $daysLeft = if ($subscription.NextLifecycleDate) { [int]($subscription.NextLifecycleDate - (Get-Date)).TotalDays } else { $null }
    New-Object PSObject -Property @{
        Sku       = $subscription.SkuPartNumber
        Status    = $subscription.Status
        Trial     = $subscription.IsTrial
        Licenses  = $subscription.TotalLicenses
        InUse     = $sku.ConsumedUnits
        Created   = $subscription.DateCreated
        Renewal   = $subscription.NextLifecycleDate
        DaysLeft  = $daysLeft
    }
}
if (@($report).Count -eq 0) { Write-Error "No subscriptions"; exit 1 }
$report | Sort-Object Sku | Format-Table Sku, Status, Trial, Licenses, InUse, Renewal, DaysLeft -AutoSize | Out-String | Write-Output

$soon = @($report | Where-Object { $_.DaysLeft -ne $null -and $_.DaysLeft -le 30 } | Sort-Object @{ Expression = 'Trial'; Descending = $true }, DaysLeft)
foreach ($item in $soon) { Write-Output "$($item.Sku) ends or changes status in $($item.DaysLeft) days (trial: $($item.Trial))" }
if (-not ($soon | Where-Object { $_.Trial })) { Write-Error "The trial that ends soon was not reported"; exit 1 }

$csv = Join-Path ([System.IO.Path]::GetTempPath()) ("subscriptions-" + [guid]::NewGuid() + ".csv")
$report | Select-Object Sku, Status, Trial, Licenses, InUse, Created, Renewal | Export-Csv -Path $csv -NoTypeInformation
$rows = @(Import-Csv $csv)
Remove-Item $csv
if ($rows.Count -ne @($report).Count) { Write-Error "The CSV lost rows"; exit 1 }
Write-Output "$($rows.Count) subscriptions exported"
