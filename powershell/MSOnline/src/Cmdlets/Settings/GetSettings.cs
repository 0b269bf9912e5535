using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolSettings: one directory setting, of the tenant or of one group.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolSettings", DefaultParameterSetName = TenantSet)]
    [OutputType(typeof(Settings))]
    public class GetSettings : SettingByIdCmdlet
    {
        protected override void ProcessOne()
        {
            WriteObject(Call<Settings>(BoundBody()));
        }
    }
}
