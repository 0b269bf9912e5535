using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolSettingTemplate: one directory setting template. MSOnline typed -TemplateId as
    /// text; a GUID here, so that a mistyped id fails as it is bound. A piped template binds its Id.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolSettingTemplate")]
    [OutputType(typeof(SettingTemplate))]
    public class GetSettingTemplate : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public Guid TemplateId { get; set; }

        protected override object Target()
        {
            return TemplateId;
        }

        protected override void ProcessOne()
        {
            WriteObject(Call<SettingTemplate>(BoundBody()));
        }
    }
}
