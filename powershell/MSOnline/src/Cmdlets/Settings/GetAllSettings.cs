using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolAllSettings: the tenant's directory settings, or one group's.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolAllSettings")]
    [OutputType(typeof(Settings))]
    public class GetAllSettings : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public TargetType? TargetType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string TargetObjectId { get; set; }

        protected override object Target()
        {
            return TargetObjectId;
        }

        protected override void ProcessOne()
        {
            Stream<Settings>(BoundBody(), "settings", false);
        }
    }
}
