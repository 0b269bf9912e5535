using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolCompanyContactInformation: replaces the company's technical and marketing
    /// notification addresses (an empty list clears one); only real changes are written.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolCompanyContactInformation", SupportsShouldProcess = true)]
    public class SetCompanyContactInformation : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] TechnicalNotificationEmails { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] MarketingNotificationEmails { get; set; }

        protected override void ProcessOne()
        {
            Change(BoundBody(), "the company", "Set-MsolCompanyContactInformation");
        }
    }
}
