using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolCompanyInformation: the tenant's company-level settings.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolCompanyInformation")]
    [OutputType(typeof(CompanyInformation))]
    public class GetCompanyInformation : MsolCmdlet
    {
        protected override void ProcessOne()
        {
            WriteObject(Call<CompanyInformation>(BoundBody()));
        }
    }
}
