using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDirSyncConfiguration: directory synchronization's accidental deletion guard.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDirSyncConfiguration")]
    [OutputType(typeof(DirSyncConfiguration))]
    public class GetDirSyncConfiguration : MsolCmdlet
    {
        protected override void ProcessOne()
        {
            WriteObject(Call<DirSyncConfiguration>(BoundBody()));
        }
    }
}
