using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDirSyncFeatures: every directory synchronization feature and whether it is
    /// on, or the one -Feature names.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDirSyncFeatures")]
    [OutputType(typeof(DirSyncFeatureStatus))]
    public class GetDirSyncFeatures : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Feature { get; set; }

        protected override object Target()
        {
            return Feature;
        }

        protected override void ProcessOne()
        {
            Stream<DirSyncFeatureStatus>(BoundBody(), "features", false);
        }
    }
}
