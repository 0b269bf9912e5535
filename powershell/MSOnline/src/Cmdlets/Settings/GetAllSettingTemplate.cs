using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolAllSettingTemplate: every directory setting template.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolAllSettingTemplate")]
    [OutputType(typeof(SettingTemplate))]
    public class GetAllSettingTemplate : MsolCmdlet
    {
        protected override void ProcessOne()
        {
            Stream<SettingTemplate>(BoundBody(), "setting templates", false);
        }
    }
}
