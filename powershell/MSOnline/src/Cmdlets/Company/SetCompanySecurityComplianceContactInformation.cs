using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolCompanySecurityComplianceContactInformation: replaces the company's security
    /// and compliance contacts. Microsoft deprecated it: no online service reads them.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolCompanySecurityComplianceContactInformation", SupportsShouldProcess = true)]
    public class SetCompanySecurityComplianceContactInformation : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] SecurityComplianceNotificationEmails { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SecuritComplianceNotificationPhones")]
        public string[] SecurityComplianceNotificationPhones { get; set; }

        protected override void ProcessOne()
        {
            Change(BoundBody(), "the company", "Set-MsolCompanySecurityComplianceContactInformation");
        }
    }
}
