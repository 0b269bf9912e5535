using System.Collections.Generic;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolLicenseOptions: the service plans to turn off within one licence, for
    /// Set-MsolUserLicense -LicenseOptions and New-MsolUser -LicenseOptions. The AccountSkuId and
    /// the plans are checked against the tenant's subscriptions now, so a typo fails here.</summary>
    [Cmdlet(VerbsCommon.New, "MsolLicenseOptions")]
    [OutputType(typeof(LicenseOption))]
    public class NewLicenseOptions : MsolCmdlet
    {
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(AccountSkuIdCompleter))]
        public string AccountSkuId { get; set; }

        [Parameter]
        public List<string> DisabledPlans { get; set; }

        protected override object Target()
        {
            return AccountSkuId;
        }

        protected override void ProcessOne()
        {
            WriteObject(Call<LicenseOption>(BoundBody()));
        }
    }
}
