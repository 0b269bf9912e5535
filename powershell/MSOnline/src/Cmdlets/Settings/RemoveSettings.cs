using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolSettings: deletes a directory setting; its template's defaults apply again.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolSettings", DefaultParameterSetName = TenantSet, SupportsShouldProcess = true)]
    public class RemoveSettings : SettingByIdCmdlet
    {
        protected override void ProcessOne()
        {
            Change(BoundBody(), SettingId.ToString(), "Remove-MsolSettings");
        }
    }
}
